"""Word documents and EPUB e-books of the course, made by pandoc from the same HTML as the PDF packs.

* **Source.** Each file starts from a pack that `print_packs.assemble` puts
  together (trainer notes out of learners' packs, answers at the back), so a
  Word or EPUB copy says exactly what its PDF says. Handouts and forms on their
  own are one-page packs made the same way.
* **Modules.** `documents` (which files, from which pages), `prepare` (the
  pack's HTML made ready for a reflowable format), `pandoc` (running Debian's
  pandoc), `reference_docx` (the large-print styles Word documents take),
  `word` and `epub` (one file each, with their metadata), `download_list` (the
  list on the "Print and download" page). No `mkdocs` import: `ebooks_hook.py`
  is the glue.
* **Why pandoc.** It is a well-kept converter, in Debian, that writes real
  Heading styles, tables with header rows, alt text, and an EPUB 3 with a
  navigation document from the headings; we never write either format by hand.
"""
