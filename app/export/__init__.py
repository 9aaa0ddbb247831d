"""A conversation as a file: Markdown, HTML, JSON (here, without Qt) and PDF
(app/ui/export/pdf.py, laid out by QTextDocument), and a JSON export imported back."""
