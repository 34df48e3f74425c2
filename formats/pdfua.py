"""Mending what WeasyPrint leaves short of PDF/UA-1, with pikepdf: a section or list that crosses a
page break is one element again, list items hold only Lbl and LBody, figure boxes are in page
space, text outside the structure tree (the page footer) becomes an artifact, every link says
what it is."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pikepdf



# --- mending what WeasyPrint leaves short of PDF/UA --------------------------


class _LinkTexts(HTMLParser):
    """What each link in our HTML says, keyed by its target: the link's description."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self._open: list[list] = []  # [target, label, collected text]

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            attributes = dict(attrs)
            href = attributes.get("href") or ""
            target = href[1:] if href.startswith("#") else href
            self._open.append([target, attributes.get("aria-label") or "", []])

    def handle_data(self, data):
        for link in self._open:
            link[2].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            target, label, text = self._open.pop()
            description = label or " ".join("".join(text).split())
            self.texts.setdefault(target, description)


def _link_descriptions(html: str) -> dict[str, str]:
    parser = _LinkTexts()
    parser.feed(html)
    return parser.texts


def _mend(pdf_bytes: bytes, link_texts: dict[str, str], target: Path) -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _join_page_fragments(pdf)
        elements = list(_structure_elements(pdf))
        _wrap_list_bodies(pdf, elements)
        _figure_boxes_to_page_space(elements)
        tagged = _tagged_content(pdf, elements)
        parent_tree = _parent_tree(pdf)
        for number, page in enumerate(pdf.pages):
            artifacts = _untagged_to_artifacts(pdf, page, tagged.get(number, set()))
            mapping = parent_tree.get(int(page.obj.get("/StructParents", -1)))
            for mcid in artifacts:
                if mapping is not None and mcid < len(mapping):
                    mapping[mcid] = None  # no content carries this id any more
            _describe_links(page, link_texts)
        pdf.save(target, deterministic_id=True)  # same article, same bytes


def _structure_elements(pdf: pikepdf.Pdf):
    """Every structure element reachable from the root, parents before children."""
    stack = [pdf.Root.StructTreeRoot]
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if node.get("/Type") == pikepdf.Name.StructElem:
            yield node
        kids = node.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        stack.extend(reversed([kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]))


def _kids(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]


def _tagged_content(pdf: pikepdf.Pdf, elements) -> dict[int, set[int]]:
    """The marked-content ids that structure elements claim, per page index."""
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    found: dict[int, set[int]] = {}
    for element in elements:
        page = element.get("/Pg")
        mcids = {int(kid) for kid in _kids(element) if isinstance(kid, int)}
        if page is not None and mcids:
            found.setdefault(page_index[page.objgen], set()).update(mcids)
    return found


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Array]:
    """The per-page MCID arrays of the parent tree (WeasyPrint writes a flat /Nums)."""
    nums = pdf.Root.StructTreeRoot.ParentTree.get("/Nums", [])
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums) - 1, 2) if isinstance(nums[i + 1], pikepdf.Array)}


# Containers that WeasyPrint tags once per page when they run over a page
# break. Paragraphs are left split: a paragraph that ends a page and one that
# starts the next cannot be told from one paragraph in two parts.
JOINABLE = {"/Sect", "/Div", "/L", "/LI", "/LBody", "/BlockQuote"}
HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}


def _join_page_fragments(pdf: pikepdf.Pdf) -> None:
    """Make a section, list or box that runs over a page break one element again.

    WeasyPrint builds the structure tree page by page, so the references list
    that continues on the next page becomes two lists and a section two
    sections, the second without its heading. A fragment is recognised as the
    next sibling on the following page that cannot be a new element of its
    own: a section not opening with a heading, a list item without its label.
    """
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    last_page: dict[tuple[int, int], int] = {}  # an element already joined ends on a later page

    def continues(first, second) -> bool:
        if not (isinstance(first, pikepdf.Dictionary) and isinstance(second, pikepdf.Dictionary)):
            return False
        kind = str(second.get("/S"))
        if kind != str(first.get("/S")) or kind not in JOINABLE:
            return False
        if "/Pg" not in first or "/Pg" not in second:
            return False
        if page_index[second.Pg.objgen] != last_page.get(first.objgen, page_index[first.Pg.objgen]) + 1:
            return False
        if any(isinstance(kid, int) for kid in [*_kids(first), *_kids(second)]):
            return False  # marked content right in the element: it belongs to its page
        opening = next((kid for kid in _kids(second) if isinstance(kid, pikepdf.Dictionary)), None)
        if kind == "/Sect":
            return opening is None or str(opening.get("/S")) not in HEADINGS
        if kind == "/LI":
            return not any(isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == pikepdf.Name.Lbl for kid in _kids(second))
        return True

    def join(parent) -> None:
        joined: list = []
        for kid in _kids(parent):
            if joined and continues(joined[-1], kid):
                for grandchild in _kids(kid):
                    if isinstance(grandchild, pikepdf.Dictionary) and "/S" in grandchild:
                        grandchild.P = joined[-1]
                joined[-1].K = pikepdf.Array([*_kids(joined[-1]), *_kids(kid)])
                last_page[joined[-1].objgen] = page_index[kid.Pg.objgen]
            else:
                joined.append(kid)
        parent.K = pikepdf.Array(joined)
        for kid in joined:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                join(kid)

    for top in _kids(pdf.Root.StructTreeRoot):
        _prune_empty(top)
        join(top)


def _prune_empty(element) -> bool:
    """Drop structure elements that hold nothing; True when ``element`` itself is empty.

    WeasyPrint leaves an empty list item behind when only a nested list
    continues on the next page (and an empty Div for a decorative image);
    an empty element would sit between two fragments that belong together.
    """
    kept = [kid for kid in _kids(element) if not (isinstance(kid, pikepdf.Dictionary) and "/S" in kid and _prune_empty(kid))]
    if "/K" in element:
        element.K = pikepdf.Array(kept)
    return not kept


def _wrap_list_bodies(pdf: pikepdf.Pdf, elements) -> None:
    """Put what a list item holds besides its label into an LBody.

    WeasyPrint tags a list item with several blocks (paragraphs) as LI > P;
    a list item should hold only Lbl and LBody.
    """
    for item in elements:
        if item.S != pikepdf.Name.LI:
            continue
        kids = _kids(item)
        loose = [
            isinstance(kid, pikepdf.Dictionary) and kid.get("/S") not in (None, pikepdf.Name.Lbl, pikepdf.Name.LBody)
            for kid in kids
        ]
        if not any(loose):
            continue
        moved = [kid for kid, is_loose in zip(kids, loose) if is_loose]
        kept = [kid for kid, is_loose in zip(kids, loose) if not is_loose]
        body = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.LBody, P=item, K=pikepdf.Array(moved))
        )
        if "/Pg" in item:
            body.Pg = item.Pg
        for kid in moved:
            kid.P = body
        item.K = pikepdf.Array([*kept, body])


CSS_PX = 0.75  # PDF points per CSS pixel: WeasyPrint lays out in CSS px at zoom 1


def _figure_boxes_to_page_space(elements) -> None:
    """Turn a figure's /BBox from layout coordinates into page coordinates.

    WeasyPrint writes the image box in CSS pixels from the top-left corner;
    the PDF's Layout attribute wants points from the bottom-left, as reflow
    and read-aloud tools use it to find the picture on the page.
    """
    for element in elements:
        attributes = element.get("/A")
        if element.S != pikepdf.Name.Figure or not isinstance(attributes, pikepdf.Dictionary):
            continue
        if "/BBox" not in attributes or "/Pg" not in element:
            continue
        x1, y1, x2, y2 = (float(value) for value in attributes.BBox)
        height = float(element.Pg.MediaBox[3])
        attributes.BBox = pikepdf.Array(
            [round(x1 * CSS_PX, 3), round(height - y2 * CSS_PX, 3), round(x2 * CSS_PX, 3), round(height - y1 * CSS_PX, 3)]
        )


# How WeasyPrint opens marked content in a page's content stream: "/Span <</MCID 3>> BDC".
# Its text is written as hex strings, so this pattern cannot occur inside text.
MARKED_CONTENT = re.compile(rb"/[A-Za-z0-9]+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC")
PAGINATION_ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"


def _untagged_to_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page, tagged: set[int]) -> list[int]:
    """Mark content that no structure element claims as a pagination artifact.

    WeasyPrint gives the page-margin boxes (our footer) marked-content ids but
    leaves them out of the structure tree; PDF/UA wants such furniture marked
    as an artifact instead, so assistive technology skips it. Returns the
    ids it took away.

    The content stream is rewritten as bytes: parsing it into operators and
    back took a third of a long table's render time.
    """
    contents = page.obj.Contents
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    data = b"\n".join(stream.read_bytes() for stream in streams)
    artifacts: list[int] = []

    def mend(match: re.Match) -> bytes:
        mcid = int(match.group(1))
        if mcid in tagged:
            return match.group(0)
        artifacts.append(mcid)
        return PAGINATION_ARTIFACT

    mended = MARKED_CONTENT.sub(mend, data)
    if artifacts:
        page.obj.Contents = pdf.make_stream(mended)
    return artifacts


def _describe_links(page: pikepdf.Page, link_texts: dict[str, str]) -> None:
    """Give every link annotation a /Contents that says what the link is, not just where it goes."""
    for annotation in page.obj.get("/Annots", []):
        if annotation.get("/Subtype") != pikepdf.Name.Link:
            continue
        if "/Dest" in annotation:
            target = str(annotation.Dest) if isinstance(annotation.Dest, pikepdf.String) else ""
        else:
            target = str(annotation.get("/A", {}).get("/URI", ""))
        description = link_texts.get(target) or target
        if description:
            annotation.Contents = pikepdf.String(description)
