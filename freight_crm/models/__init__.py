from . import freight_customer_grade
from . import res_partner
