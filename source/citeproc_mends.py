"""One rule of CSL that citeproc-py does not keep, kept here: a name that stood in for a missing
author is not written again.

CSL 1.0.2, "Substitute": "Substituted variables are suppressed in the rest of the output." citeproc-py
records what was substituted (``layout.repressed``) but its ``<names>`` never reads it, so a book with
editors and no author printed them twice, in every style: "Vega, I. (ed.). (2018). Manual del sueño
(I. Vega, ed.)." Importing this module mends that for the whole process.
"""

from __future__ import annotations

from citeproc.model import Names, VariableError

_process = Names.process


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


if getattr(Names.process, "__name__", "") != _process_without_substituted.__name__:
    Names.process = _process_without_substituted
