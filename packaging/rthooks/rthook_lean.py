"""Runtime hook of the app bundle: placeholders for scipy and scikit-learn, which the bundle
leaves out (86 MB, packaging/hearth.spec).

sentence-transformers imports `scipy.sparse.coo_matrix` and `sklearn.metrics.pairwise_distances`
when it starts, for sparse embeddings only; transformers imports a scipy function for the loss
of object-detection models. Hearth embeds dense vectors and never calls any of them. So, only
where the real packages are absent, any module of theirs imports as a placeholder, and any name
taken from one is a class that raises an error saying what happened if it is ever called.
"""

import importlib.abc
import importlib.machinery
import sys
import types

LEFT_OUT = ("scipy", "sklearn")
_MESSAGE = "{} is not part of Hearth's app bundle (scipy and scikit-learn are left out)"


def _placeholder(module, name):
    def refuse(*args, **kwargs):
        raise RuntimeError(_MESSAGE.format(f"{module}.{name}"))

    attributes = {"__init__": refuse, "__module__": module, "__qualname__": name}
    attributes["__class_getitem__"] = classmethod(lambda cls, item: cls)  # used in type hints
    return type(name, (), attributes)


def _module_getattr(module):
    def getattr_(name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _placeholder(module, name)

    return getattr_


class _PlaceholderFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] not in LEFT_OUT:
            return None
        return importlib.machinery.ModuleSpec(name, self, is_package=True)

    def create_module(self, spec):
        module = types.ModuleType(spec.name, "A placeholder: the app bundle leaves this out.")
        module.__path__ = []
        module.__getattr__ = _module_getattr(spec.name)
        return module

    def exec_module(self, module):
        pass


sys.meta_path.append(_PlaceholderFinder())  # last: a real scipy, where present, is found first
