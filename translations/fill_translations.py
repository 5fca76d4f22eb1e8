#!/usr/bin/env python3
"""Fills unfinished entries of the catalogues after lupdate; finished ones are never touched.

The .ts files are the source of truth (edit them in Qt Linguist or here). This helper only saves
typing when many new strings arrive at once:

    scripts/update-translations.sh
    translations/fill_translations.py [new-zh.json]

new-zh.json maps an English source text (or "context|source") to its Chinese. English plural
forms are derived from the "(s)" in the source. Exits 1 while a Chinese entry stays unfinished.
Vocabulary follows the Huawei Cloud DCS console: 实例, 备份, 恢复, 主备, 集群, 单机, 备注, 项目.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET


def english_plurals(source):
    singular = re.sub(r"(\w+)\(s\)", r"\1", source)
    plural = re.sub(r"(\w+)\(s\)", r"\1s", source)
    return singular, plural


def set_forms(translation, forms):
    for form in list(translation):
        translation.remove(form)
    for text in forms:
        ET.SubElement(translation, "numerusform").text = text


def fill(path, chinese, mapping):
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("unfinished",):
                continue
            source = message.findtext("source")
            numerus = message.get("numerus") == "yes"
            if chinese:
                text = mapping.get(f"{name}|{source}", mapping.get(source))
                if text is None:
                    missing.append((name, source))
                    continue
                if numerus:
                    set_forms(translation, [text])
                else:
                    translation.text = text
            elif numerus:
                set_forms(translation, english_plurals(source))
            else:
                continue
            translation.attrib.pop("type", None)
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


def main():
    mapping = {}
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as f:
            mapping = json.load(f)
    missing = fill("translations/dcs-console_zh_CN.ts", True, mapping)
    fill("translations/dcs-console_en.ts", False, {})
    for context, source in missing:
        print(f"untranslated: [{context}] {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
