from .measured_fields import MeasuredFloat, MeasuredInteger
from . import roles
