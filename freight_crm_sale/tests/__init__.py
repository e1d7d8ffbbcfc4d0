from . import test_freight_crm_sale
