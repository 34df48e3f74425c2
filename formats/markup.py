"""Model blocks to (X)HTML markup, shared by the PDF, EPUB and HTML writers.

Blocks are rendered here in Python rather than in Jinja macros because the
tree is recursive and every text must be escaped exactly once; templates then
arrange the finished pieces on a page. The output is well-formed XML (so it
can go into EPUB XHTML unchanged) and valid HTML.

Every sentence becomes ``<span id="s-…">``: the id the audio timeline uses;
what else the audio says (a quote's start and end, a callout's label, a
table) has the id edition.py names for it on the element that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from markupsafe import Markup, escape

from .edition import callout_id, end_quote_id, quote_id, table_id
from .labels import LABELS
from ..source.model import (
    Article,
    Block,
    Callout,
    Citation,
    Code,
    Emph,
    Figure,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Reference,
    Sentence,
    Strong,
    Table,
    Text,
)

@dataclass(frozen=True)
class Renderer:
    """How one format wants links to references and images written.

    ``ref_href(number)`` gives the href of reference ``number``;
    ``cite_href(citation_id)`` gives the href back from a reference to a
    citation mark; ``image_src(figure)`` the src of an image. ``epub`` adds
    ``epub:type`` attributes next to the ARIA roles; ``labels`` are the
    words we add (callout titles, link names) in the article's language.
    """

    labels: Mapping[str, str] = field(default_factory=lambda: LABELS["en"])

    ref_href: Callable[[int], str] = lambda number: f"#ref-{number}"
    cite_href: Callable[[str], str] = lambda citation_id: f"#{citation_id}"
    image_src: Callable[[Figure], str] = lambda figure: figure.src
    epub: bool = False

    # --- inlines -----------------------------------------------------------

    def inlines(self, nodes: tuple[Inline, ...]) -> Markup:
        return Markup("").join(self.inline(node) for node in nodes)

    def inline(self, node: Inline) -> Markup:
        if isinstance(node, Text):
            return escape(node.text)
        if isinstance(node, Emph):
            return Markup("<em>%s</em>") % self.inlines(node.children)
        if isinstance(node, Strong):
            return Markup("<strong>%s</strong>") % self.inlines(node.children)
        if isinstance(node, Code):
            return Markup("<code>%s</code>") % node.text
        if isinstance(node, LineBreak):
            return Markup("<br/>")
        if isinstance(node, Link):
            return Markup('<a href="%s">%s</a>') % (node.url, self.inlines(node.children))
        if isinstance(node, Citation):
            return self.citation(node)
        raise TypeError(f"unknown inline {node!r}")

    def citation(self, citation: Citation) -> Markup:
        """Sorted and compressed as ``citation_label`` says: "[1, 2]", "[1–3]", "[2, p. 12]"."""
        links = []
        for cite, last in citation.groups:
            link = self.cite_link(cite.number)
            if last is not None:
                link += Markup("–") + self.cite_link(last.number)
            elif cite.locator:
                link += Markup(", %s") % cite.locator
            links.append(link)
        return Markup('<span class="cite" id="%s">[%s]</span>') % (
            citation.id,
            Markup(", ").join(links),
        )

    def cite_link(self, number: int) -> Markup:
        epub_type = Markup(' epub:type="noteref"') if self.epub else Markup("")
        return Markup('<a href="%s" role="doc-noteref"%s aria-label="%s">%s</a>') % (
            self.ref_href(number),
            epub_type,
            self.labels["reference_n"].format(n=number),
            number,
        )

    def sentence(self, sentence: Sentence) -> Markup:
        return Markup('<span class="s" id="%s">%s</span>') % (
            sentence.id,
            self.inlines(sentence.inlines),
        )

    def sentences(self, sentences: tuple[Sentence, ...]) -> Markup:
        return Markup(" ").join(self.sentence(s) for s in sentences)

    # --- blocks ------------------------------------------------------------

    def blocks(self, blocks: tuple[Block, ...]) -> Markup:
        return Markup("\n").join(self.block(block) for block in blocks)

    def block(self, block: Block) -> Markup:
        if isinstance(block, Paragraph):
            return Markup("<p>%s</p>") % self.sentences(block.sentences)
        if isinstance(block, ListBlock):
            return self.list(block)
        if isinstance(block, Quote):
            # The audio says "Quote." under the blockquote's id and "End of quote."
            # under the empty marker that closes it (a read-along highlights the quote).
            return Markup('<blockquote id="%s">\n%s\n<span class="end-quote" id="%s"></span></blockquote>') % (
                quote_id(block), self.blocks(block.blocks), end_quote_id(block))
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, Callout):
            title = self.labels.get(block.kind, block.kind.title())
            return Markup(
                '<div class="callout callout-%s" role="note">\n'
                '<p class="callout-title" id="%s"><strong>%s</strong></p>\n%s\n</div>'
            ) % (block.kind, callout_id(block), title, self.blocks(block.blocks))
        raise TypeError(f"unknown block {block!r}")

    def list(self, block: ListBlock) -> Markup:
        items = []
        for item in block.items:
            # A tight item (one paragraph) needs no <p>: keeps spacing natural.
            if len(item.blocks) == 1 and isinstance(item.blocks[0], Paragraph):
                body = self.sentences(item.blocks[0].sentences)
            else:
                body = self.blocks(item.blocks)
            items.append(Markup("<li>%s</li>") % body)
        joined = Markup("\n").join(items)
        if block.ordered:
            start = Markup(' start="%s"') % block.start if block.start != 1 else Markup("")
            return Markup("<ol%s>\n%s\n</ol>") % (start, joined)
        return Markup("<ul>\n%s\n</ul>") % joined

    def table(self, table: Table) -> Markup:
        def align(index: int) -> Markup:
            value = table.aligns[index] if index < len(table.aligns) else ""
            return Markup(' class="align-%s"') % value if value else Markup("")

        # "Table with 3 rows." is said under the header row's id, or the table's when it has none.
        parts = [Markup("<table>") if table.header is not None else Markup('<table id="%s">') % table_id(table)]
        if table.header is not None:
            cells = Markup("").join(
                Markup('<th scope="col"%s>%s</th>') % (align(i), self.inlines(cell))
                for i, cell in enumerate(table.header.cells)
            )
            parts.append(Markup('<thead><tr id="%s">%s</tr></thead>') % (table.header.id, cells))
        parts.append(Markup("<tbody>"))
        for row in table.rows:
            cells = Markup("").join(
                Markup("<td%s>%s</td>") % (align(i), self.inlines(cell))
                for i, cell in enumerate(row.cells)
            )
            parts.append(Markup('<tr id="%s">%s</tr>') % (row.id, cells))
        parts.append(Markup("</tbody></table>"))
        return Markup('<div class="table-wrap">%s</div>') % Markup("\n").join(parts)

    def figure(self, figure: Figure) -> Markup:
        if figure.decorative:
            img = Markup('<img src="%s" alt="" role="presentation"/>') % self.image_src(figure)
        else:
            img = Markup('<img src="%s" alt="%s"/>') % (self.image_src(figure), figure.alt)
        caption = (
            Markup("<figcaption>%s</figcaption>") % self.inlines(figure.caption)
            if figure.caption
            else Markup("")
        )
        return Markup('<figure id="%s">%s%s</figure>') % (figure.id, img, caption)

    # --- article parts -----------------------------------------------------

    def key_points(self, article: Article) -> Markup:
        return Markup("<ul>\n%s\n</ul>") % Markup("\n").join(
            Markup("<li>%s</li>") % self.sentence(s) for s in article.key_points
        )

    def references(self, references: tuple[Reference, ...]) -> Markup:
        items = []
        for ref in references:
            back = Markup("").join(
                Markup(' <a class="backlink" href="%s" role="doc-backlink" aria-label="%s">&#8617;</a>')
                % (self.cite_href(back_id), self.labels["back_to_citation"].format(n=i + 1, ref=ref.number))
                for i, back_id in enumerate(ref.back_ids)
            )
            items.append(Markup('<li id="%s">%s%s</li>') % (ref.id, Markup(ref.html), back))
        return Markup('<ol class="references">\n%s\n</ol>') % Markup("\n").join(items)
