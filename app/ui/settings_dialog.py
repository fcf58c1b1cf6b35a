"""Settings: sampling (for every chat, or this chat only), model loading, appearance."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.settings import EngineSettings, SamplingSettings, Settings


def _double(low: float, high: float, step: float, decimals: int = 2) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    return box


def _int(low: int, high: int, special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    if special:
        box.setSpecialValueText(special)
    return box


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `result_settings()` and `chat_sampling()` read it back.

    Every label, tooltip and choice is set in `retranslate`, again on a live language switch."""

    def __init__(
        self,
        settings: Settings,
        sampling: SamplingSettings,
        chat_override: bool,
        has_chat: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self.tabs = QTabWidget()
        self.temperature = _double(0.0, 5.0, 0.05)
        self.top_p = _double(0.01, 1.0, 0.05)
        self.top_k = _int(0, 1000)
        self.min_p = _double(0.0, 1.0, 0.01)
        self.repeat_penalty = _double(0.5, 3.0, 0.05)
        self.max_tokens = _int(1, 131072)
        self.seed = QLineEdit()
        self.this_chat = QCheckBox()
        self.this_chat.setEnabled(has_chat)
        self.context = _int(256, 1048576)
        self.context.setSingleStep(1024)
        self.threads = _int(0, 512)
        self.gpu_layers = _int(-1, 1000)
        self.theme = QComboBox()
        self.font_size = _int(6, 40)
        self.language = QComboBox()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.sampling_form, self.engine_form, self.look_form = (
            QFormLayout(),
            QFormLayout(),
            QFormLayout(),
        )
        for form in (self.sampling_form, self.engine_form, self.look_form):
            page = QWidget()
            page.setLayout(form)
            self.tabs.addTab(page, "")
        fields: list[tuple[QFormLayout, str, QWidget]] = [
            (self.sampling_form, "temperature", self.temperature),
            (self.sampling_form, "top_p", self.top_p),
            (self.sampling_form, "top_k", self.top_k),
            (self.sampling_form, "min_p", self.min_p),
            (self.sampling_form, "repeat_penalty", self.repeat_penalty),
            (self.sampling_form, "max_tokens", self.max_tokens),
            (self.sampling_form, "seed", self.seed),
            (self.engine_form, "context", self.context),
            (self.engine_form, "threads", self.threads),
            (self.engine_form, "gpu_layers", self.gpu_layers),
            (self.look_form, "theme", self.theme),
            (self.look_form, "font_size", self.font_size),
            (self.look_form, "language", self.language),
        ]
        self.labels: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        for form, name, widget in fields:
            label = QLabel()
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.labels[name], self.fields[name] = label, widget
        self.sampling_form.addRow(self.this_chat)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._fill(settings, sampling, chat_override)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, name in enumerate(
            (self.tr("Sampling"), self.tr("Model loading"), self.tr("Appearance"))
        ):
            self.tabs.setTabText(index, name)
        self.threads.setSpecialValueText(self.tr("Auto"))
        self.gpu_layers.setSpecialValueText(self.tr("Auto (all that fit)"))
        self.seed.setPlaceholderText(self.tr("Random"))
        self.this_chat.setText(self.tr("Use these sampling settings for this chat only"))
        self.this_chat.setToolTip(
            self.tr("Off: the sampling settings apply to every chat that has none of its own")
        )
        words = {
            "temperature": (
                self.tr("Temperature"),
                self.tr(
                    "Higher is more varied and creative, lower more focused "
                    "(0 always picks the likeliest word)"
                ),
            ),
            "top_p": (
                self.tr("Top P"),
                self.tr("Only the likeliest words that together make up this share are considered"),
            ),
            "top_k": (
                self.tr("Top K"),
                self.tr("Only this many of the likeliest words are considered (0: no limit)"),
            ),
            "min_p": (
                self.tr("Min P"),
                self.tr("Words less likely than this share of the likeliest one are left out"),
            ),
            "repeat_penalty": (
                self.tr("Repeat penalty"),
                self.tr("Above 1, the model repeats itself less"),
            ),
            "max_tokens": (
                self.tr("Max tokens"),
                self.tr("The longest answer, in tokens (a token is a word or a piece of one)"),
            ),
            "seed": (
                self.tr("Seed"),
                self.tr(
                    "The same seed with the same settings gives the same answer; empty: random"
                ),
            ),
            "context": (
                self.tr("Context length"),
                self.tr("How many tokens the model keeps in mind: more needs more memory"),
            ),
            "threads": (
                self.tr("Threads"),
                self.tr("Processor threads used for the model (Auto: chosen for this computer)"),
            ),
            "gpu_layers": (
                self.tr("GPU layers"),
                self.tr("How many layers of the model run on the graphics card (0: none)"),
            ),
            "theme": (self.tr("Theme"), self.tr("Light, dark, or as the system is set")),
            "font_size": (self.tr("Font size"), self.tr("The size of the text, in points")),
            "language": (
                self.tr("Language"),
                self.tr("The language of Hearth's windows and messages"),
            ),
        }
        for name, (label, tip) in words.items():
            self.labels[name].setText(label)
            self.labels[name].setToolTip(tip)
            self.fields[name].setToolTip(tip)
        self._choices()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choices(self) -> None:
        theme = self.theme.currentData() or self._settings.theme
        language = self.language.currentData() or self._settings.language
        self.theme.clear()
        for key, name in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(name, key)
        self.language.clear()
        for key, name in (
            ("system", self.tr("Follow the system")),
            ("en", "English"),  # each language in its own words
            ("zh_CN", "简体中文"),
        ):
            self.language.addItem(name, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(theme)))
        self.language.setCurrentIndex(max(0, self.language.findData(language)))

    def _fill(self, settings: Settings, sampling: SamplingSettings, override: bool) -> None:
        self.temperature.setValue(sampling.temperature)
        self.top_p.setValue(sampling.top_p)
        self.top_k.setValue(sampling.top_k)
        self.min_p.setValue(sampling.min_p)
        self.repeat_penalty.setValue(sampling.repeat_penalty)
        self.max_tokens.setValue(sampling.max_tokens)
        self.seed.setText("" if sampling.seed is None else str(sampling.seed))
        self.this_chat.setChecked(override)
        self.context.setValue(settings.engine.context_length)
        self.threads.setValue(settings.engine.threads or 0)
        self.gpu_layers.setValue(settings.engine.gpu_layers)
        self.font_size.setValue(settings.font_size)

    # -- reading back ------------------------------------------------------------------

    def sampling(self) -> SamplingSettings:
        seed_text = self.seed.text().strip()
        seed = int(seed_text) if seed_text.isdigit() and int(seed_text) < 2**32 else None
        return SamplingSettings(
            temperature=self.temperature.value(),
            top_p=self.top_p.value(),
            top_k=self.top_k.value(),
            min_p=self.min_p.value(),
            repeat_penalty=self.repeat_penalty.value(),
            max_tokens=self.max_tokens.value(),
            seed=seed,
            stop=self._settings.sampling.stop,
        )

    def chat_sampling(self) -> SamplingSettings | None:
        """The chat's own sampling, or None when the chat follows the defaults."""
        return self.sampling() if self.this_chat.isChecked() else None

    def result_settings(self) -> Settings:
        """The settings to save (sampling only when it is not this chat's own)."""
        engine = EngineSettings(
            context_length=self.context.value(),
            threads=self.threads.value() or None,
            gpu_layers=self.gpu_layers.value(),
        )
        update = {
            "engine": engine,
            "theme": self.theme.currentData(),
            "font_size": self.font_size.value(),
            "language": self.language.currentData(),
        }
        if not self.this_chat.isChecked():
            update["sampling"] = self.sampling()
        return self._settings.model_copy(update=update)
