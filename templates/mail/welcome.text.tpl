{{_ Hello}} {{NAME}}

{{_ An account has been created for you in Rekrut. Choose your password with this link within 72 hours. The link works once:}}
{{LINK}}
