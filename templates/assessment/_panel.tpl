{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="assessment" id="assessment-section">
<h2 id="assessment">{{_ Assessment}}</h2>
{{>ERROR_SUMMARY}}
{{#CAN_LIFT}}<form method="post" action="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/anonymity">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<p>{{_ Lifting the anonymity shows the committee who the applicant is, for good. It is recorded in the audit trail.}}</p>
<button type="submit" class="button button-secondary">{{_ Lift the anonymity of this applicant}}</button>
</form>{{/CAN_LIFT}}
{{#INDIVIDUAL}}<h3>{{_ Individual assessment}}</h3>
{{#CAN_MARK}}<form method="post" action="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/mark" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset class="form-group{{#ERROR_MARK}} form-error{{/ERROR_MARK}}" id="mark">
<legend class="form-label">{{_ My mark}}</legend>
{{#ERROR_MARK}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_MARK}}
{{#MARK_OPTION}}<div class="form-group-radio"><input class="form-radio" type="radio" id="mark-{{VALUE}}" name="mark" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="form-label" for="mark-{{VALUE}}">{{LABEL}}</label></div>
{{/MARK_OPTION}}</fieldset>
<div class="form-group{{#ERROR_COMMENT}} form-error{{/ERROR_COMMENT}}">
<label class="form-label" for="comment">{{_ Comment (optional)}}</label>
{{#ERROR_COMMENT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_COMMENT}}
<textarea class="form-input" id="comment" name="comment" rows="3" maxlength="5000">{{COMMENT}}</textarea>
</div>
{{#ASK_CONFIRM_COMMENT}}<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="confirm_sensitive_comment" name="confirm_sensitive" value="1"><label class="form-label" for="confirm_sensitive_comment">{{_ The comment must be kept as written (this is recorded)}}</label></div>{{/ASK_CONFIRM_COMMENT}}
<button type="submit" class="button button-secondary">{{_ Save my mark}}</button>
</form>{{/CAN_MARK}}
{{#COMMITTEE_HIDDEN}}<p id="committee-marks">{{_ The committee's marks are shown once you have given your own.}}</p>{{/COMMITTEE_HIDDEN}}
{{#NO_MARKS}}<p id="committee-marks">{{_ No marks yet.}}</p>{{/NO_MARKS}}
{{#HAS_MARKS}}<p id="committee-marks">{{_ The committee:}} {{YES}} {{_ yes}} · {{MAYBE}} {{_ maybe}} · {{NO}} {{_ no}}</p>
<ul>{{#MARK}}<li>{{MEMBER}}: <strong>{{MARK}}</strong>{{#HAS_COMMENT}} — {{COMMENT}}{{/HAS_COMMENT}}</li>{{/MARK}}</ul>{{/HAS_MARKS}}
{{/INDIVIDUAL}}
{{#SCORECARD}}<h3 id="scorecard">{{_ Criteria scorecard}}</h3>
{{#NO_CRITERIA}}<p>{{_ The scorecard has no criteria yet.}}</p>{{/NO_CRITERIA}}
{{#CAN_SCORE}}<form method="post" action="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/scores" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">{{/CAN_SCORE}}
{{#CRITERION}}<fieldset class="form-group score-row" id="score_{{ID}}">
<legend class="form-label">{{NAME}} <span class="form-hint">({{_ weight}} {{WEIGHT}})</span></legend>
{{#EDITABLE}}{{#SCORE_OPTION}}<span class="form-group-radio score-option"><input class="form-radio" type="radio" id="score-{{ID}}-{{VALUE}}" name="score_{{ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="form-label" for="score-{{ID}}-{{VALUE}}">{{VALUE}}</label></span>{{/SCORE_OPTION}}{{/EDITABLE}}
</fieldset>
{{/CRITERION}}
{{#CAN_SCORE}}<button type="submit" class="button button-secondary">{{_ Save my scores}}</button>
</form>{{/CAN_SCORE}}
{{#SCORES_HIDDEN}}<p id="committee-scores">{{_ The committee's scores are shown once you have given your own.}}</p>{{/SCORES_HIDDEN}}
{{#NO_SCORES}}<p id="committee-scores">{{_ No scores yet.}}</p>{{/NO_SCORES}}
{{#HAS_SCORES}}<p id="committee-scores">{{_ Weighted mean:}} <strong>{{MEAN}}</strong> ({{_ spread between members:}} {{LOW}}–{{HIGH}}, {{_ members who scored:}} {{SCORERS}})</p>{{/HAS_SCORES}}
{{/SCORECARD}}
<h3 id="tags">{{_ Tags}}</h3>
{{#NO_TAGS}}<p>{{_ No tags.}}</p>{{/NO_TAGS}}
<ul class="tag-list">{{#TAG}}<li class="badge">{{TAG}}</li>{{/TAG}}</ul>
{{#CAN_WRITE}}<form method="post" action="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/tags" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_TAGS}} form-error{{/ERROR_TAGS}}">
<label class="form-label" for="tags-input">{{_ Tags, separated by commas}}</label>
{{#ERROR_TAGS}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TAGS}}
<input class="form-input" type="text" id="tags-input" name="tags" value="{{TAGS}}" maxlength="450">
</div>
<button type="submit" class="button button-secondary">{{_ Save the tags}}</button>
</form>{{/CAN_WRITE}}
<h3 id="notes">{{_ Notes}}</h3>
{{#NO_NOTES}}<p>{{_ No notes.}}</p>{{/NO_NOTES}}
<ul class="note-list">{{#NOTE_ROW}}<li><p class="application-text">{{TEXT}}</p><p class="form-hint">{{AUTHOR}}, {{WRITTEN}}{{#SENSITIVE_CONFIRMED}} · {{_ saved despite the warning of sensitive data}}{{/SENSITIVE_CONFIRMED}}</p></li>
{{/NOTE_ROW}}</ul>
{{#CAN_WRITE}}<form method="post" action="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/notes" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NOTE}} form-error{{/ERROR_NOTE}}">
<label class="form-label" for="note">{{_ New note}}</label>
<span class="form-hint" id="note-hint">{{_ Do not write CPR numbers, health, union membership or other sensitive data in notes.}}</span>
{{#ERROR_NOTE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NOTE}}
<textarea class="form-input" id="note" name="note" rows="4" maxlength="5000" aria-describedby="note-hint">{{NOTE}}</textarea>
</div>
{{#ASK_CONFIRM}}<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="confirm_sensitive" name="confirm_sensitive" value="1"><label class="form-label" for="confirm_sensitive">{{_ The note must be kept as written (this is recorded)}}</label></div>{{/ASK_CONFIRM}}
<button type="submit" class="button button-secondary">{{_ Save the note}}</button>
</form>{{/CAN_WRITE}}
{{#CAN_DECLARE_CONFLICT}}<details class="details"><summary class="details-summary">{{_ I have a conflict of interest with this applicant}}</summary><div class="details-text">
<p>{{_ The applicant will no longer be shown to you, and you take no part in assessing them. This cannot be withdrawn.}}</p>
<form method="post" action="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}/conflict">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Declare a conflict of interest}}</button>
</form></div></details>{{/CAN_DECLARE_CONFLICT}}
<h3 id="history">{{_ History}}</h3>
{{#NO_HISTORY}}<p>{{_ Nothing recorded yet.}}</p>{{/NO_HISTORY}}
<ul class="history-list">{{#HISTORY}}<li>{{WHEN}}: {{WHAT}} ({{WHO}})</li>{{/HISTORY}}</ul>
</section>
