{{%AUTOESCAPE context="HTML"}}<h1>{{_ Service status}}</h1>
<p class="font-lead">{{_ Incidents, announced service windows and the availability of Rekrut. The service hours are 08:30–16:00 on Danish working days.}}</p>
<p><a class="function-link" href="/status/feed.atom" type="application/atom+xml">{{_ Follow the status as an Atom feed}}</a></p>
<h2>{{_ Now}}</h2>
{{#NO_CURRENT}}<div class="alert alert-success" role="status" id="all-well"><div class="alert-body"><p class="alert-text">{{_ There are no known incidents. Rekrut is running normally.}}</p></div></div>{{/NO_CURRENT}}
{{#CURRENT}}<ul class="nobullet-list" id="current-notices">
{{#NOTICE}}<li id="notice-{{ID}}" class="mb-6"><div class="alert alert-warning"><div class="alert-body">
<h3 class="alert-heading">{{KIND}}: {{TITLE}}</h3>
<dl class="alert-text">
<dt>{{_ Affected}}</dt><dd>{{AFFECTED}}</dd>
{{#HAS_ACTIONS}}<dt>{{_ Actions taken}}</dt><dd class="rekrut-pre-line">{{ACTIONS}}</dd>{{/HAS_ACTIONS}}
<dt>{{_ Started}}</dt><dd>{{STARTS}}</dd>
{{#IS_INCIDENT}}<dt>{{_ Expected to be resolved}}</dt><dd>{{#HAS_ENDS}}{{ENDS}}{{/HAS_ENDS}}{{#NO_ENDS}}{{_ Not known yet}}{{/NO_ENDS}}</dd>{{/IS_INCIDENT}}
{{#IS_WINDOW}}{{#HAS_ENDS}}<dt>{{_ Ends}}</dt><dd>{{ENDS}}</dd>{{/HAS_ENDS}}{{/IS_WINDOW}}
</dl>
{{#UPDATES}}<p class="alert-text"><strong>{{_ Updates}}</strong></p><ul class="alert-text">{{#UPDATE}}<li><span class="rekrut-nowrap">{{AT}}</span>: <span class="rekrut-pre-line">{{TEXT}}</span></li>{{/UPDATE}}</ul>{{/UPDATES}}
</div></div></li>
{{/NOTICE}}</ul>{{/CURRENT}}
<h2>{{_ Announced service windows}}</h2>
{{#NO_AHEAD}}<p id="no-windows">{{_ No service windows are announced.}}</p>{{/NO_AHEAD}}
{{#AHEAD}}<ul class="nobullet-list" id="announced-windows">
{{#NOTICE}}<li id="notice-{{ID}}" class="mb-5"><h3 class="h4">{{TITLE}}</h3>
<p>{{_ From}} {{STARTS}}{{#HAS_ENDS}} {{_ until}} {{ENDS}}{{/HAS_ENDS}}. {{_ Affected:}} {{AFFECTED}}.</p>
{{#HAS_ACTIONS}}<p class="rekrut-pre-line">{{ACTIONS}}</p>{{/HAS_ACTIONS}}
{{#UPDATES}}<ul>{{#UPDATE}}<li><span class="rekrut-nowrap">{{AT}}</span>: <span class="rekrut-pre-line">{{TEXT}}</span></li>{{/UPDATE}}</ul>{{/UPDATES}}</li>
{{/NOTICE}}</ul>{{/AHEAD}}
<h2>{{_ Availability this month}}</h2>
{{#THIS_MONTH}}<p id="month-availability">{{MONTH}}: {{#MEASURED}}<strong>{{PERCENT}}</strong> {{_ of the service hours so far}} ({{_ target}} {{TARGET}}).{{/MEASURED}}{{#NOT_YET_MEASURED}}{{_ not measured yet.}}{{/NOT_YET_MEASURED}}</p>{{/THIS_MONTH}}
<p>{{_ Measured once a minute by the service itself within the service hours; announced service windows are not counted.}}</p>
<h2>{{_ The last 90 days}}</h2>
{{#NO_HISTORY}}<p id="no-history">{{_ Nothing has happened in the last 90 days.}}</p>{{/NO_HISTORY}}
{{#HISTORY}}<ul class="nobullet-list" id="history">
{{#NOTICE}}<li id="notice-{{ID}}" class="mb-5"><h3 class="h4">{{KIND}}: {{TITLE}}</h3>
<p>{{_ From}} {{STARTS}}{{#HAS_UNTIL}} {{_ until}} {{UNTIL}}{{/HAS_UNTIL}}. {{_ Affected:}} {{AFFECTED}}.{{#IS_CANCELLED}} <strong>{{_ Cancelled.}}</strong>{{/IS_CANCELLED}}</p>
{{#HAS_ACTIONS}}<p class="rekrut-pre-line">{{ACTIONS}}</p>{{/HAS_ACTIONS}}
{{#UPDATES}}<ul>{{#UPDATE}}<li><span class="rekrut-nowrap">{{AT}}</span>: <span class="rekrut-pre-line">{{TEXT}}</span></li>{{/UPDATE}}</ul>{{/UPDATES}}</li>
{{/NOTICE}}</ul>{{/HISTORY}}
<p class="form-hint">{{_ Page made}} {{UPDATED}}.</p>
