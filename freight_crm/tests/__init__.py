from . import test_freight_crm_security
from . import test_freight_evaluation
from . import test_freight_evaluation_security
from . import test_freight_grading_rules
from . import test_freight_regrade
