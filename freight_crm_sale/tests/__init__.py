from . import test_freight_crm_sale
from . import test_freight_demo_chart
