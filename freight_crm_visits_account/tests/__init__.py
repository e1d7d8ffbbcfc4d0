from . import test_visit_review_invoices
