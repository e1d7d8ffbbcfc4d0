from . import test_freight_crm_security
from . import test_freight_contract
from . import test_freight_admission
from . import test_freight_reward_kpi
from . import test_freight_confidentiality
from . import test_freight_contract_views
