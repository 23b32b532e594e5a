"""The claims ledger: who asserts what, who denies it, who admits part of it.

- `attribution`: claims read off the parse (speaker through the actor layer, content, stance,
  links between a claim and the claim it answers);
- `keys`: claim keys, the same proposition across sentences, documents and speakers;
- `store`: the `claims` table (written per document by `dyadwatch ingest`);
- `ledger`: claim keys with who asserts, denies, admits and disputes, in time order;
- `tune`: fits the key weights and threshold on a development gold set.

Kept free of imports so that the store can use `claims.store` without loading spaCy.
"""
