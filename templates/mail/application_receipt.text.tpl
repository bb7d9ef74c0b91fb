{{_ Hello}} {{NAME}}

{{_ Thank you for your application for the position}} {{TITLE}} ({{INSTITUTION}}).
{{_ Your reference number is}} {{REFERENCE}}.

{{_ With your personal link you can see your application and its status, change it until the deadline, withdraw it and download what we hold about you. Keep the link to yourself:}}
{{LINK}}
