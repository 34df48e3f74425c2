"""One rule of CSL that citeproc-py does not keep, kept here: what stood in for a missing author is
not written again.

CSL 1.0.2, "Substitute": "Substituted variables are suppressed in the rest of the output." citeproc-py
records what was substituted (``layout.repressed``), but only the variable of a ``<text variable>``,
and only its ``<text>`` reads the record. So a book with editors and no author printed them twice
("Vega, I. (ed.). (2018). Manual del sueño (I. Vega, ed.)."), and an item with no author, which AMA
and APA lead by its title through a macro, printed its title twice ("Warfarin and Your Diet.
Warfarin and Your Diet. MedlinePlus."), and APA's book with no author its edition twice ("Sleep
Better (3rd ed.). (2020). (3rd ed.)."). Importing this module mends them for the whole process.
"""

from __future__ import annotations

from citeproc.model import Label, Names, Number, Substitute, Text, VariableError

_process = Names.process
_variable = Text._variable
_number = Number.process
_label = Label.process
_render = Substitute.render


def _process_without_substituted(self, item, names_context=None, context=None, **kwargs):
    layout = (context if context is not None else self).get_layout()
    substituted = {role for entry in layout.repressed.get(self.tag, []) for role in (entry or "").split()}
    roles = (self.get("variable") or "").split()
    kept = [role for role in roles if role not in substituted]
    if kept == roles:
        return _process(self, item, names_context, context, **kwargs)
    if not kept:
        raise VariableError  # as for a variable the item does not have: a group around it is left out
    self.set("variable", " ".join(kept))
    try:
        return _process(self, item, names_context, context, **kwargs)
    finally:
        self.set("variable", " ".join(roles))


_NOTED = "written while substituting"  # a key of ``layout.repressed`` no element tag can be


def _variable_noted(self, item, context):
    """A ``<text variable>``'s text, noted when a substitution writes it."""
    text = _variable(self, item, context)
    noted = context.get_layout().repressed.get(_NOTED)
    if noted is not None and text:
        noted.append((self.tag, self.get("variable")))
    return text


def _number_noted(self, item, context=None, **kwargs):
    """A ``<number>`` (APA's edition in a title that stands in for the author) is noted as a
    ``<text variable>`` is, and suppressed once substituted: citeproc-py's numbers never read the record."""
    repressed = (context if context is not None else self).get_layout().repressed
    variable = self.get("variable")
    if variable in repressed.get(self.tag, []):
        raise VariableError  # suppressed is empty: a group around it is left out
    text = _number(self, item, context, **kwargs)
    noted = repressed.get(_NOTED)
    if noted is not None and text:
        noted.append((self.tag, variable))
    return text


def _label_of_what_is_left(self, item, variable=None, plural=None, context=None, **kwargs):
    """No label for a number suppressed: "(3rd ed.). (2020). (ed.)" is not "(3rd ed.). (2020)."."""
    if context is not None:  # a name's label is given none, and it labels no number
        number_tag = self.tag.rpartition("}")[0] + "}number"
        if (variable or self.get("variable")) in context.get_layout().repressed.get(number_tag, []):
            return None
    return _label(self, item, variable, plural, context, **kwargs)


def _render_substitute(self, item, context=None, **kwargs):
    """What a substitution wrote through macros (AMA's "title", APA's "title-and-descriptions-short")
    is suppressed later, as a ``<text variable>`` it writes directly already is."""
    repressed = (context if context is not None else self).get_layout().repressed
    outer = repressed.get(_NOTED)
    repressed[_NOTED] = []
    try:
        text = _render(self, item, context=context, **kwargs)
        noted = repressed[_NOTED]
    finally:
        if outer is None:
            del repressed[_NOTED]
        else:
            repressed[_NOTED] = outer
    if text:
        for tag, variable in noted:
            repressed.setdefault(tag, []).append(variable)
    return text


if getattr(Names.process, "__name__", "") != _process_without_substituted.__name__:
    Names.process = _process_without_substituted
    Text._variable = _variable_noted
    Number.process = _number_noted
    Label.process = _label_of_what_is_left
    Substitute.render = _render_substitute
