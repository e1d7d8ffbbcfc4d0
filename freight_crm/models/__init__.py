from . import freight_customer_grade
from . import freight_evaluation_criterion
from . import freight_industry_segment
from . import freight_customer_evaluation
from . import freight_customer_evaluation_line
from . import freight_customer_grade_history
from . import res_partner
from . import res_config_settings
