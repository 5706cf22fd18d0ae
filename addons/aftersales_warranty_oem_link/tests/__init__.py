from . import test_oem_link
from . import test_oem_quality
