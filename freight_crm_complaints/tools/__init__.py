from . import code_translations, settings
