from . import freight_grade_override_wizard
