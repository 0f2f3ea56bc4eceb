"""Record texts in the six UN languages: each text field keeps its original (in the
record's language) and may carry a translation into each other language.

django-modeltranslation adds the columns: ``title`` stays the original, and
``title_fr``, ``title_zh_hans`` ... hold the translations (empty for the original's own
language). The rest of the library's behaviour is set aside, on purpose, in
``registry.register``:

- Reading ``event.title`` gives the text in the active language when it has been
  translated, else the original: a record falls back to *its own* language, not to a
  site-wide chain (the library's descriptor would fall back to English first).
- Writing ``event.title = ...``, a form's ``title``, an import's ``title`` column and a
  model's constructor all write the original, whatever the active language (the
  library would write the active language's column).
- Queries are not rewritten: ``filter(name=...)`` and ``order_by("name")`` mean the
  original column, the same on every page (the library would swap in the active
  language's column, which is empty for records not yet translated). A list that
  should be in the order of the texts it shows asks for it (``shown_order``).

``texts.py`` says which language a shown text is in, for ``lang`` attributes and the
note on a page whose texts are not yet translated.
"""
