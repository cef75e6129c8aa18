-- The notify-partners step completes only when a batch made from an address list is fully
-- sent or each open draft is cancelled with a reason; a batch to the reporter alone no
-- longer completes it. Addresses warned in an earlier batch of the incident are left out
-- of a new one by default, and the batch says which.
ALTER TABLE warning_batch ADD COLUMN from_address_list BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE warning_batch ADD COLUMN left_out_warned TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE warning_draft ADD COLUMN cancel_reason TEXT;
