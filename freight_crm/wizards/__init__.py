from . import freight_grade_override_wizard
from . import freight_anonymise_wizard
