{{_ Hello}} {{NAME}}

{{_ You asked for a new link to your application}} {{REFERENCE}} ({{TITLE}}). {{_ Keep the link to yourself:}}
{{LINK}}

{{_ If you did not ask for it, you can ignore this mail.}}
