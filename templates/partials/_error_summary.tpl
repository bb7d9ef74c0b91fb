{{%AUTOESCAPE context="HTML"}}<div class="alert alert-error" role="alert" aria-atomic="true" tabindex="-1" id="error-summary">
<div class="alert-body">
<p class="alert-heading">{{_ There is a problem}}</p>
{{#GENERAL}}<p class="alert-text">{{MESSAGE}}</p>{{/GENERAL}}
{{#FIELDS}}<ul class="alert-text nobullet-list">
{{#FIELD}}<li><a class="function-link" href="{{HREF}}">{{MESSAGE}}</a></li>
{{/FIELD}}</ul>{{/FIELDS}}
</div>
</div>
