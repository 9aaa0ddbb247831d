"""Fill unfinished translations from other catalogues (after a merge of two branches).

    .venv/bin/python resources/translations/adopt.py OTHER.ts [OTHER.ts ...]

When two branches each added strings, git cannot merge the ``.ts`` files line by line.
Take either side, run ``update.py`` (lupdate keeps what is translated and marks new
strings unfinished), then run this with the other side's catalogues, e.g.
``git show MERGE_HEAD:resources/translations/hearth_zh_CN.ts > /tmp/cn.ts``. Each
unfinished or empty message of ``hearth_<locale>.ts`` whose (context, source) another
catalogue of the same language translates takes that translation; ``update.py`` runs
again at the end to compile the ``.qm`` files.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def translations(path: Path) -> tuple[str, dict[tuple[str, str], str]]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own catalogues
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not (translation.text or ""):
                continue
            found[(name, message.findtext("source") or "")] = translation.text or ""
    return root.get("language") or "", found


def adopt(catalogue: Path, known: dict[tuple[str, str], str]) -> int:
    tree = ET.parse(catalogue)  # noqa: S314 - our own catalogues
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            unfinished = translation.get("type") == "unfinished" or not translation.text
            text = known.get((name, message.findtext("source") or ""))
            if unfinished and text:
                translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
    if filled:
        tree.write(catalogue, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    # First bring the catalogues in step with the code, so the strings the other side
    # added are there (unfinished) to be filled.
    subprocess.run([sys.executable, str(HERE / "update.py")], check=True)
    by_language: dict[str, dict[tuple[str, str], str]] = {}
    for other in argv:
        language, found = translations(Path(other))
        by_language.setdefault(language, {}).update(found)
    for catalogue in sorted(HERE.glob("hearth_*.ts")):
        language, _ = translations(catalogue)
        count = adopt(catalogue, by_language.get(language, {}))
        print(f"{catalogue.name}: {count} translations adopted")
    subprocess.run([sys.executable, str(HERE / "update.py")], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
