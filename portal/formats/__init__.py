"""Date and number formats that Django's own format modules lack (``FORMAT_MODULE_PATH``):
Maltese, which Django has none for, and English as written in Europe. The values are CLDR's
(as Babel reads them); every other language uses Django's module."""
