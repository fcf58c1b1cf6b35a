"""Generated corpora: facts found in one passage each, among filler, in English and Chinese."""

from __future__ import annotations

import random
from pathlib import Path

# (file stem, the sentence holding the answer, the question, a phrase only that passage has)
ENGLISH = [
    (
        "lighthouse",
        "The lighthouse on Varnholm island is kept by Edda Strand, who lights it at dusk.",
        "Who keeps the lighthouse on Varnholm island?",
        "Edda Strand",
    ),
    (
        "bakery",
        "The Morrow Street bakery opens at 5:40 in the morning and sells rye loaves.",
        "What time does the Morrow Street bakery open?",
        "5:40",
    ),
    (
        "reactor",
        "The Kessel test reactor is cooled by molten lead at 480 degrees.",
        "What cools the Kessel test reactor?",
        "molten lead",
    ),
    (
        "orchestra",
        "The Lindqvist orchestra tunes to an A of 443 hertz.",
        "Which pitch does the Lindqvist orchestra tune to?",
        "443 hertz",
    ),
    (
        "bridge",
        "The Hallow Creek bridge was built from recycled ship steel in 1911.",
        "What was the Hallow Creek bridge built from?",
        "ship steel",
    ),
    (
        "garden",
        "In the Quill garden, the blue poppies flower only in late June.",
        "When do the blue poppies in the Quill garden flower?",
        "late June",
    ),
    (
        "robot",
        "The warehouse robot Tamsin lifts at most 220 kilograms per trip.",
        "How much can the warehouse robot Tamsin lift?",
        "220 kilograms",
    ),
    (
        "festival",
        "The Ember festival ends with a lantern race across Lake Oru.",
        "How does the Ember festival end?",
        "lantern race",
    ),
    (
        "library",
        "The Barrow library lends telescopes to members for two weeks.",
        "What does the Barrow library lend to members?",
        "telescopes",
    ),
    (
        "railway",
        "Trains on the Sable Line run on a track gauge of 1,067 millimetres.",
        "What track gauge does the Sable Line use?",
        "1,067",
    ),
]
CHINESE = [
    (
        "图书馆",
        "青石镇的图书馆建于一八九二年，是当地最古老的建筑。",
        "青石镇的图书馆是哪一年建的？",
        "一八九二",
    ),
    ("茶园", "云雾山茶园每年只在清明前采摘一次嫩芽。", "云雾山茶园什么时候采摘嫩芽？", "清明前"),
    ("桥梁", "白鹭桥全长三百六十米，由花岗岩砌成。", "白鹭桥是用什么材料砌成的？", "花岗岩"),
    ("乐团", "星河乐团的首席小提琴手名叫林晓雯。", "星河乐团的首席小提琴手是谁？", "林晓雯"),
    (
        "机器人",
        "仓库机器人阿福每次最多搬运一百五十公斤货物。",
        "仓库机器人阿福一次能搬多重？",
        "一百五十公斤",
    ),
    ("节日", "灯笼节的最后一项活动是在月湖上划龙舟。", "灯笼节最后一项活动是什么？", "划龙舟"),
    (
        "铁路",
        "金沙铁路的列车最高时速为一百六十公里。",
        "金沙铁路列车的最高时速是多少？",
        "一百六十公里",
    ),
    ("面包店", "南街面包店每天早上五点半开门营业。", "南街面包店几点开门？", "五点半"),
    ("天文台", "紫峰天文台的望远镜口径为二点四米。", "紫峰天文台望远镜的口径是多少？", "二点四米"),
    ("花园", "秋水园里的蓝色罂粟只在六月下旬开花。", "秋水园的蓝色罂粟什么时候开花？", "六月下旬"),
]

_EN_FILLER = [
    "Visitors often arrive by the coastal road, which winds past old stone walls.",
    "The committee meets on the first Monday of each month to review the budget.",
    "Records from the archive show several renovations over the past century.",
    "Local schools organise trips so that pupils can learn about the history of the area.",
    "Volunteers repaint the wooden signs every spring after the winter storms.",
    "A small museum nearby displays photographs, maps and letters from early settlers.",
    "The weather in autumn is mild, although fog can roll in without warning.",
    "Several guidebooks describe the walking trails and the best places to rest.",
]
_ZH_FILLER = [
    "游客通常沿着海边的公路到达，路旁有古老的石墙。",
    "委员会每个月的第一个星期一开会，审查预算。",
    "档案记录显示，过去一百年里进行过多次翻修。",
    "当地学校经常组织学生参观，了解这里的历史。",
    "每年春天，志愿者都会重新粉刷木制的指示牌。",
    "附近的小博物馆陈列着早期居民的照片、地图和信件。",
    "秋天的天气温和，不过雾气有时会突然出现。",
    "好几本旅游指南介绍了步行小路和适合休息的地方。",
]


def write_corpus(folder: Path, chinese: bool = False, seed: int = 7) -> list[tuple[str, str]]:
    """One file per fact, the fact among shuffled filler paragraphs. Returns (question,
    answer phrase) pairs."""
    rng = random.Random(seed)
    facts, filler = (CHINESE, _ZH_FILLER) if chinese else (ENGLISH, _EN_FILLER)
    folder.mkdir(parents=True, exist_ok=True)
    for stem, fact, _question, _answer in facts:
        paragraphs = [" ".join(rng.sample(filler, 4)) for _ in range(5)]
        paragraphs.insert(rng.randrange(len(paragraphs)), fact)
        title = f"# {stem.title()}\n\n"
        (folder / f"{stem}.md").write_text(title + "\n\n".join(paragraphs) + "\n", "utf-8")
    return [(question, answer) for _stem, _fact, question, answer in facts]


def write_filler(folder: Path, files: int, seed: int = 11) -> None:
    """`files` Markdown files of shuffled filler, each a few chunks long."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        paragraphs = [" ".join(rng.sample(_EN_FILLER, 5)) for _ in range(8)]
        body = f"# Notes {number}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"notes-{number:03}.md").write_text(body, "utf-8")
