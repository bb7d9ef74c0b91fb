{{_ Hello}} {{NAME}}

{{_ Your e-mail address in Rekrut is to be changed to this address. Confirm it with this link within 72 hours; until then the old address stays in use. The link works once. If you did not expect this mail, ignore it.}}
{{LINK}}
