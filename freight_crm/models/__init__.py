from . import freight_customer_grade
from . import res_partner
from . import freight_customer_contract
from . import freight_customer_risk
from . import freight_customer_reward
from . import freight_customer_share
from . import freight_customer_kpi
from . import res_config_settings
