"""PEF (Portable Embosser Format, DAISY's XML for braille pages), for European embossers.

The same pages as the BRF, as Unicode braille rows: a PEF carries the dots
themselves, so no embosser has to guess which ASCII table a file uses. Bytes
depend on the article only (no "made on" date), like every other output.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ...source.model import Article

PEF_NS = "http://www.daisy.org/ns/2008/pef"
DC_NS = "http://purl.org/dc/elements/1.1/"


def pef(article: Article, pages: list[list[str]], cols: int, rows: int) -> bytes:
    ET.register_namespace("", PEF_NS)
    ET.register_namespace("dc", DC_NS)
    root = ET.Element(f"{{{PEF_NS}}}pef", version="2008-1")
    meta = ET.SubElement(ET.SubElement(root, f"{{{PEF_NS}}}head"), f"{{{PEF_NS}}}meta")
    facts = [("format", "application/x-pef+xml"), ("identifier", f"openleaf:{article.slug}"),
             ("title", article.title), *(("creator", a.name) for a in article.authors),
             ("language", article.lang)]
    if article.reviewed or article.date:
        facts.append(("date", (article.reviewed or article.date).isoformat()))
    if article.publisher:
        facts.append(("publisher", article.publisher))
    for name, value in facts:
        ET.SubElement(meta, f"{{{DC_NS}}}{name}").text = value
    volume = ET.SubElement(ET.SubElement(root, f"{{{PEF_NS}}}body"), f"{{{PEF_NS}}}volume",
                           cols=str(cols), rows=str(rows), rowgap="0", duplex="false")
    section = ET.SubElement(volume, f"{{{PEF_NS}}}section")
    for lines in pages:
        page = ET.SubElement(section, f"{{{PEF_NS}}}page")
        for line in lines:
            ET.SubElement(page, f"{{{PEF_NS}}}row").text = line.rstrip("\u2800") or None
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
