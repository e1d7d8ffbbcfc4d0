from . import freight_customer_reassign_wizard
from . import freight_visit_return_wizard
