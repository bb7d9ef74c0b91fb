{{%AUTOESCAPE context="HTML"}}{{#BANNER}}<div class="container" id="service-banner">
{{#NOTICE}}<div class="alert {{#IS_CURRENT}}alert-warning{{/IS_CURRENT}}{{#NOT_CURRENT}}alert-info{{/NOT_CURRENT}} mt-4" role="region" aria-label="{{_ Service status}}">
<div class="alert-body">
<p class="alert-heading">{{KIND}}: {{TITLE}}</p>
<p class="alert-text">{{#IS_CURRENT}}{{_ Now.}}{{/IS_CURRENT}}{{#NOT_CURRENT}}{{_ Announced:}}{{/NOT_CURRENT}} {{_ From}} {{STARTS}}{{#HAS_ENDS}} {{_ until}} {{ENDS}}{{/HAS_ENDS}}. {{_ Affected:}} {{AFFECTED}}. <a class="function-link" href="/status#notice-{{ID}}">{{_ Read more on the status page}}</a></p>
</div>
</div>
{{/NOTICE}}</div>{{/BANNER}}
