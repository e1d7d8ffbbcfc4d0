from .measured_fields import MeasuredFloat, MeasuredInteger
