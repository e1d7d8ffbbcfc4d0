from . import code_translations
