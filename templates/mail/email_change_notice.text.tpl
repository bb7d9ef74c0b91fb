{{_ Hello}} {{NAME}}

{{_ A change of your e-mail address in Rekrut to this address has been asked for:}}
{{NEW_EMAIL}}

{{_ The address changes only when the change is confirmed from the new address. If you did not ask for this, contact your institution's user administration at once.}}
