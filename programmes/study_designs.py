"""The study designs as DOMAIN.md defines them, seeded once by the data migration; editors own
them after. Only the evidence rubric reads a design's tier, so they belong to the catalogue
rather than to the shared vocabularies."""

# (slug, name, evidence tier). The tier is what the evidence rubric reads:
# "strong" designs can establish cause, "moderate" ones can suggest it, "weak" ones
# describe change without a comparison, "descriptive" ones say nothing about effect.
STUDY_DESIGNS = [
    ("systematic-review", "Systematic review or meta-analysis", "strong"),
    ("rct", "Randomised controlled trial", "strong"),
    ("quasi-experiment", "Quasi-experiment with matched comparison group", "moderate"),
    ("before-after", "Before-and-after without comparison group", "weak"),
    ("qualitative", "Qualitative or process evaluation", "descriptive"),
]
