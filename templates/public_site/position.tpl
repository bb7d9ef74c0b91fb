{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/">{{_ All open positions}}</a></p>
{{>AD}}
<p class="apply-action"><a class="button button-primary" href="/positions/{{CASE_ID}}/apply">{{_ Apply for the position}}</a></p>
<aside class="institution-presentation" aria-labelledby="about-institution">
<h2 id="about-institution">{{_ About the employer}}</h2>
{{#HAS_PRESENTATION}}<div class="institution-presentation-text">{{PRESENTATION:none}}</div>{{/HAS_PRESENTATION}}
{{#NO_PRESENTATION}}<p>{{INSTITUTION_NAME}}</p>{{/NO_PRESENTATION}}
<p><a href="/institutions/{{INSTITUTION_ID}}">{{_ All open positions at}} {{INSTITUTION_NAME}}</a></p>
</aside>
