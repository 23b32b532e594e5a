"""The cross-validation of the claim-key weights counts every pair it should (claims/tune.py)."""

from __future__ import annotations

import numpy as np

from dyadwatch.claims.tune import _fold_counts, _pair_counts, _pair_counts_by_group


def test_a_wrong_merge_across_groups_counts_against_the_groups_it_joins():
    # Two claims of one story in group ga share a gold key; a claim of group gb's story is merged
    # with them. No gold pair crosses groups, so the two pairs between ga and gb are wrong merges:
    # half of them falls to each group when it is left out, and neither is trained on then.
    matched = [("ga-story", 0, "ga"), ("ga-story", 1, "ga"), ("gb-story", 2, "gb"), ("gb-other", 3, "gb")]
    keys = ["k1", "k1", "k1", "k2"]
    by_pair = _pair_counts_by_group(matched, keys)
    assert by_pair[("ga", "ga")].tolist() == [1, 0, 0]
    assert by_pair[("ga", "gb")].tolist() == [0, 2, 0]
    assert by_pair[("gb", "gb")].tolist() == [0, 0, 0]
    train, test = _fold_counts(by_pair, "ga")
    assert train.tolist() == [0, 0, 0] and test.tolist() == [1, 1, 0]
    train, test = _fold_counts(by_pair, "gb")
    assert train.tolist() == [1, 0, 0] and test.tolist() == [0, 1, 0]
    # The folds' test counts add up to the whole set's.
    whole = _pair_counts([(g, i) for g, i, _ in matched], keys)
    assert np.allclose(_fold_counts(by_pair, "ga")[1] + _fold_counts(by_pair, "gb")[1], whole)
