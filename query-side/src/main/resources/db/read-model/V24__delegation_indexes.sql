-- The delegations list (ApprovalSettingsQueries.delegations) asks for those not ended at asOf, of a person as
-- delegator or delegate: with only delegation_by_delegator it read every delegation the tenant ever had (they are
-- kept for ever), ended ones included. Found by a review; measured on 1,500 delegations of which 1,480 had ended:
-- a scan of the tenant's rows before, a BitmapOr of 20 rows in 0.23 ms after.
create index delegation_not_ended on read_model.delegation (tenant_id, valid_to);
create index delegation_by_delegate on read_model.delegation (tenant_id, delegate_id, valid_to);
