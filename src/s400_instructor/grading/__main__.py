"""``python -m s400_instructor.grading ASSIGNMENT`` (what ``make grade`` runs)."""

import sys

from s400_instructor.grading.batch import main

sys.exit(main())
