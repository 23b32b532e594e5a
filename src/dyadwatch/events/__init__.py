"""What was done, to whom, and when: the ontology, the trigger lexicon, dates and the coder."""
