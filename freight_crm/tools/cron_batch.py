# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The batching loop of the Freight CRM crons, written once.

A cron reads its work in keyset batches (``id > last ORDER BY id LIMIT
batch``), processes each batch, then reports its progress to the
scheduler with ``ir.cron._commit_progress``, which commits and returns
the time left for the run: at zero the loop stops and the scheduler runs
the cron again for the rest. Outside a scheduler run (a test, a shell, a
button) nothing is committed, unless the cron asks for ``always_commit``
(its own resume point makes a commit safe wherever it runs)."""

from odoo.fields import Domain
from odoo.models import BaseModel


def _last_id(batch):
    """The id that ends a batch: of a recordset, or the first column of
    SQL rows."""
    if isinstance(batch, BaseModel):
        return batch[-1].id
    return batch[-1][0]


def freight_cron_batches(
    env,
    fetch,
    callback,
    *,
    last_id=0,
    remaining=None,
    always_commit=False,
    on_done=None,
):
    """Call ``callback(batch)`` on each ``batch = fetch(last_id)`` until
    ``fetch`` returns nothing, ``last_id`` being the id ending the batch
    before (``last_id`` to start from).

    ``remaining``, the items left for the progress report: ``None`` (the
    scheduler subtracts what is done), a count at the start (the loop
    subtracts each batch), or a function called after each batch.

    When the work is done, ``on_done()`` is called, then (if committing)
    the end of the work is committed with ``remaining=0``.

    Returns True when everything was done, False when the run was out of
    time."""
    commit = always_commit or bool(env.context.get("ir_cron_progress_id"))
    Cron = env["ir.cron"]
    while batch := fetch(last_id):
        callback(batch)
        last_id = _last_id(batch)
        if isinstance(remaining, int):
            remaining = max(remaining - len(batch), 0)
        if not commit:
            continue
        left = remaining() if callable(remaining) else remaining
        if not Cron._commit_progress(len(batch), remaining=left):
            return False
    if on_done:
        on_done()
    if commit:
        Cron._commit_progress(0, remaining=0)
    return True


def freight_keyset_batches(model, domain, callback, *, batch_size, **options):
    """:func:`freight_cron_batches` over the records of ``model`` matching
    ``domain``, read ``batch_size`` at a time by id."""
    domain = Domain(domain)
    batch_size = max(int(batch_size), 1)

    def fetch(last_id):
        return model.search(
            domain & Domain("id", ">", last_id), order="id", limit=batch_size
        )

    return freight_cron_batches(model.env, fetch, callback, **options)
