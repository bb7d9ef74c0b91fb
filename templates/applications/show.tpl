{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}/applications">{{_ All applications for}} {{CASE_TITLE}}</a></p>
<h1 id="top">{{NAME}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
<p>{{_ Reference number}}: {{REFERENCE}} · {{_ Status}}: <strong>{{STATUS}}</strong> · {{_ Received}}: <time datetime="{{RECEIVED_ISO}}">{{RECEIVED}}</time> ({{CHANNEL}}){{#LATE}} · <span class="badge">{{_ After the deadline}}</span>{{/LATE}}{{#KNOCKED_OUT}} · <span class="badge">{{_ Knockout answer}}</span>{{/KNOCKED_OUT}}</p>
{{#ANONYMISED}}<div class="alert alert-info" role="note"><div class="alert-body"><p class="alert-text">{{_ The first round is anonymised: the applicant's name, contact data, age and gender are hidden, and attachments are shown as text with those details masked.}}</p></div></div>{{/ANONYMISED}}
{{#IDENTIFIED}}<h2>{{_ Contact}}</h2>
<dl>
<dt>{{_ E-mail address}}</dt><dd>{{EMAIL}}</dd>
<dt>{{_ Telephone}}</dt><dd>{{PHONE}}</dd>
<dt>{{_ Address}}</dt><dd>{{ADDRESS}} {{POSTAL_CITY}}</dd>
</dl>
{{#CAN_RECTIFY}}<p><a href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/rectify">{{_ Correct the name, e-mail address or telephone number}}</a></p>{{/CAN_RECTIFY}}{{/IDENTIFIED}}
<h2>{{_ Cover letter}}</h2>
{{#HAS_COVER_LETTER}}<div class="application-text">{{COVER_LETTER}}</div>{{/HAS_COVER_LETTER}}
<h2>{{_ Attachments}}</h2>
{{#NO_ATTACHMENTS}}<p>{{_ No attachments.}}</p>{{/NO_ATTACHMENTS}}
<ul>
{{#ATTACHMENT}}<li>{{KIND}}: <a href="{{HREF}}">{{FILENAME}}</a> ({{SIZE}}){{#PDF}} · <a href="{{HREF}}?inline=1">{{_ Open in the browser}}</a>{{/PDF}}{{#HAS_TEXT}} · <a href="{{TEXT_HREF}}">{{_ Read as text}}</a>{{/HAS_TEXT}}</li>
{{/ATTACHMENT}}</ul>
<h2>{{_ Answers}}</h2>
<dl>
{{#ANSWER}}<dt>{{QUESTION}}</dt><dd class="application-text">{{TEXT}}</dd>
{{/ANSWER}}</dl>
<h2>{{_ Consents and rights}}</h2>
<dl>
<dt>{{_ Kept for other positions}}</dt><dd>{{CONSENT_KEEP}}</dd>
<dt>{{_ Contact about future positions}}</dt><dd>{{CONSENT_CONTACT}}</dd>
<dt>{{_ Priority access (fortrinsadgang)}}</dt><dd>{{PRIORITY_ACCESS}}</dd>
{{#CIVIL_SERVANT}}<dt>{{_ Left off the list of applicants}}</dt><dd>{{EXCLUDE_FROM_LIST}}</dd>{{/CIVIL_SERVANT}}
</dl>
{{>ASSESSMENT}}
{{>LOG}}
