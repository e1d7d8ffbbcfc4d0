from . import freight_visit_review
