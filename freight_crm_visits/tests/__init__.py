from . import test_freight_crm_visits_install
