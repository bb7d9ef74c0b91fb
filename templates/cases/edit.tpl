{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Edit the case}}</h1>
{{>ERROR_SUMMARY}}
<p>{{_ Fields marked "required" must be filled in to save. Those marked "needed for publication" can wait, but the ad cannot be published without them.}}</p>
<form method="post" action="/cases/{{ID}}/edit" novalidate class="case-form">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset>
<legend class="h3">{{_ The position}}</legend>
<div class="form-group{{#ERROR_TITLE}} form-error{{/ERROR_TITLE}}">
<label class="form-label" for="title">{{_ Title of the position}} <span class="weight-normal">({{_ required}})</span></label>
{{#ERROR_TITLE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TITLE}}
<input class="form-input input-width-xxl" type="text" id="title" name="title" value="{{VALUE_TITLE}}">
</div>
<div class="form-group{{#ERROR_UNIT_ID}} form-error{{/ERROR_UNIT_ID}}">
<label class="form-label" for="unit_id">{{_ Unit}}</label>
{{#ERROR_UNIT_ID}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_UNIT_ID}}
<select class="form-select select-whole" id="unit_id" name="unit_id">
<option value="">{{_ No unit}}</option>
{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/UNIT_OPTION}}</select>
</div>
<div class="form-group{{#ERROR_POSITION_CATEGORY}} form-error{{/ERROR_POSITION_CATEGORY}}">
<label class="form-label" for="position_category">{{_ Position category}}</label>
{{#ERROR_POSITION_CATEGORY}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_POSITION_CATEGORY}}
<select class="form-select select-whole" id="position_category" name="position_category">
<option value="">{{_ Not chosen}}</option>
{{#CATEGORY_OPTION}}<option value="{{NAME}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/CATEGORY_OPTION}}</select>
</div>
</fieldset>
<fieldset>
<legend class="h3">{{_ Employment}}</legend>
<div class="form-group{{#ERROR_EMPLOYMENT_FORM}} form-error{{/ERROR_EMPLOYMENT_FORM}}">
<label class="form-label" for="employment_form">{{_ Form of employment}}</label>
<select class="form-select" id="employment_form" name="employment_form">
<option value="permanent"{{#FORM_PERMANENT}} selected{{/FORM_PERMANENT}}>{{_ Permanent}}</option>
<option value="fixed_term"{{#FORM_FIXED_TERM}} selected{{/FORM_FIXED_TERM}}>{{_ Fixed term}}</option>
<option value="aaremaal"{{#FORM_AAREMAAL}} selected{{/FORM_AAREMAAL}}>{{_ Åremål (fixed-term senior post)}}</option>
</select>
</div>
<div class="form-group">
<label class="form-label" for="employment_basis">{{_ Employed as}}</label>
<select class="form-select" id="employment_basis" name="employment_basis">
<option value="collective_agreement"{{#BASIS_AGREEMENT}} selected{{/BASIS_AGREEMENT}}>{{_ Under a collective agreement}}</option>
<option value="civil_servant"{{#BASIS_CIVIL_SERVANT}} selected{{/BASIS_CIVIL_SERVANT}}>{{_ Civil servant}}</option>
</select>
</div>
<div class="form-group{{#ERROR_FIXED_TERM_TEXT}} form-error{{/ERROR_FIXED_TERM_TEXT}}">
<label class="form-label" for="fixed_term_text">{{_ Period of a fixed-term position}}</label>
<input class="form-input input-width-xxl" type="text" id="fixed_term_text" name="fixed_term_text" value="{{VALUE_FIXED_TERM_TEXT}}">
</div>
<div class="form-group">
<label class="form-label" for="working_time">{{_ Working time}}</label>
<select class="form-select" id="working_time" name="working_time">
<option value="full_time"{{#FULL_TIME}} selected{{/FULL_TIME}}>{{_ Full-time (37 hours)}}</option>
<option value="part_time"{{#PART_TIME}} selected{{/PART_TIME}}>{{_ Part-time}}</option>
</select>
</div>
<div class="form-group{{#ERROR_WEEKLY_HOURS}} form-error{{/ERROR_WEEKLY_HOURS}}">
<label class="form-label" for="weekly_hours">{{_ Weekly hours for part-time}}</label>
{{#ERROR_WEEKLY_HOURS}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_WEEKLY_HOURS}}
<input class="form-input input-width-xs" type="text" inputmode="decimal" id="weekly_hours" name="weekly_hours" value="{{VALUE_WEEKLY_HOURS}}">
</div>
<div class="form-group{{#ERROR_POSITIONS}} form-error{{/ERROR_POSITIONS}}">
<label class="form-label" for="positions">{{_ Number of positions}}</label>
{{#ERROR_POSITIONS}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_POSITIONS}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="positions" name="positions" value="{{VALUE_POSITIONS}}">
</div>
</fieldset>
<fieldset>
<legend class="h3">{{_ Salary}}</legend>
<div class="form-group{{#ERROR_SALARY_TEXT}} form-error{{/ERROR_SALARY_TEXT}}">
<label class="form-label" for="salary_text">{{_ Salary placement}} <span class="weight-normal">({{_ needed for publication}})</span></label>
{{#ERROR_SALARY_TEXT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_SALARY_TEXT}}
<input class="form-input input-width-xxl" type="text" id="salary_text" name="salary_text" value="{{VALUE_SALARY_TEXT}}">
</div>
<div class="form-group{{#ERROR_COLLECTIVE_AGREEMENT}} form-error{{/ERROR_COLLECTIVE_AGREEMENT}}">
<label class="form-label" for="collective_agreement">{{_ Collective agreement}}</label>
{{#ERROR_COLLECTIVE_AGREEMENT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_COLLECTIVE_AGREEMENT}}
<span class="form-hint" id="collective_agreement-hint">{{_ Choose from the institution's list or write the name.}}</span>
<input class="form-input input-width-xxl" type="text" id="collective_agreement" name="collective_agreement" value="{{VALUE_COLLECTIVE_AGREEMENT}}" list="collective_agreements" aria-describedby="collective_agreement-hint">
<datalist id="collective_agreements">{{#AGREEMENT_OPTION}}<option value="{{NAME}}">{{/AGREEMENT_OPTION}}</datalist>
</div>
</fieldset>
<fieldset>
<legend class="h3">{{_ Place of work}}</legend>
<div class="form-group{{#ERROR_PLACE_OF_WORK}} form-error{{/ERROR_PLACE_OF_WORK}}">
<label class="form-label" for="place_of_work">{{_ Address of the place of work}} <span class="weight-normal">({{_ needed for publication}})</span></label>
{{#ERROR_PLACE_OF_WORK}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PLACE_OF_WORK}}
<input class="form-input input-width-xxl" type="text" id="place_of_work" name="place_of_work" value="{{VALUE_PLACE_OF_WORK}}" autocomplete="street-address">
</div>
<div class="form-group{{#ERROR_WORK_POSTCODE}} form-error{{/ERROR_WORK_POSTCODE}}">
<label class="form-label" for="work_postcode">{{_ Postcode}}</label>
<span class="form-hint" id="work_postcode-hint">{{_ Four digits. Jobnet needs the postcode and town of the place of work.}}</span>
{{#ERROR_WORK_POSTCODE}}<span class="form-error-message" id="work_postcode-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_WORK_POSTCODE}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="work_postcode" name="work_postcode" value="{{VALUE_WORK_POSTCODE}}" maxlength="4" autocomplete="postal-code" aria-describedby="work_postcode-hint{{#ERROR_WORK_POSTCODE}} work_postcode-error{{/ERROR_WORK_POSTCODE}}">
</div>
<div class="form-group{{#ERROR_WORK_CITY}} form-error{{/ERROR_WORK_CITY}}">
<label class="form-label" for="work_city">{{_ Town}}</label>
{{#ERROR_WORK_CITY}}<span class="form-error-message" id="work_city-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_WORK_CITY}}
<input class="form-input input-width-l" type="text" id="work_city" name="work_city" value="{{VALUE_WORK_CITY}}" autocomplete="address-level2"{{#ERROR_WORK_CITY}} aria-describedby="work_city-error"{{/ERROR_WORK_CITY}}>
</div>
<div class="form-group{{#ERROR_MUNICIPALITY_CODE}} form-error{{/ERROR_MUNICIPALITY_CODE}}">
<label class="form-label" for="municipality_code">{{_ Municipality}} <span class="weight-normal">({{_ needed for publication}})</span></label>
<span class="form-hint" id="municipality_code-hint">{{_ The municipality of the place of work. Its three-digit code is sent with the ad to Jobnet.}}</span>
{{#ERROR_MUNICIPALITY_CODE}}<span class="form-error-message" id="municipality_code-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_MUNICIPALITY_CODE}}
<select class="form-select select-whole" id="municipality_code" name="municipality_code" aria-describedby="municipality_code-hint{{#ERROR_MUNICIPALITY_CODE}} municipality_code-error{{/ERROR_MUNICIPALITY_CODE}}">
<option value="">{{_ Not chosen}}</option>
{{#MUNICIPALITY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} ({{CODE}})</option>
{{/MUNICIPALITY_OPTION}}</select>
</div>
<div class="form-group{{#ERROR_OCCUPATION_CODE}} form-error{{/ERROR_OCCUPATION_CODE}}">
<label class="form-label" for="occupation_code">{{_ Occupation code (DISCO-08)}}</label>
<span class="form-hint" id="occupation_code-hint">{{_ Four digits, or six for a more precise code, for example 2423 or 2411.10. Choose a common code from the list or write any DISCO-08 code.}}</span>
{{#ERROR_OCCUPATION_CODE}}<span class="form-error-message" id="occupation_code-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_OCCUPATION_CODE}}
<input class="form-input input-width-s" type="text" id="occupation_code" name="occupation_code" value="{{VALUE_OCCUPATION_CODE}}" list="occupation_codes" autocomplete="off" aria-describedby="occupation_code-hint{{#ERROR_OCCUPATION_CODE}} occupation_code-error{{/ERROR_OCCUPATION_CODE}}">
<datalist id="occupation_codes">{{#OCCUPATION_OPTION}}<option value="{{CODE}}">{{CODE}} {{TITLE}}</option>{{/OCCUPATION_OPTION}}</datalist>
{{#HAS_OCCUPATION_TITLE}}<p class="form-hint" id="occupation_code-title">{{_ Current code:}} {{OCCUPATION_TITLE}}</p>{{/HAS_OCCUPATION_TITLE}}
</div>
</fieldset>
<fieldset>
<legend class="h3">{{_ Dates}}</legend>
<div class="form-group{{#ERROR_DEADLINE_DATE}} form-error{{/ERROR_DEADLINE_DATE}}">
<label class="form-label" for="deadline_date">{{_ Application deadline (date)}} <span class="weight-normal">({{_ needed for publication}})</span></label>
{{#ERROR_DEADLINE_DATE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_DEADLINE_DATE}}
<input class="form-input input-width-s" type="date" id="deadline_date" name="deadline_date" value="{{VALUE_DEADLINE_DATE}}">
</div>
<div class="form-group">
<label class="form-label" for="deadline_time">{{_ Application deadline (time, Danish time)}}</label>
<input class="form-input input-width-xs" type="time" id="deadline_time" name="deadline_time" value="{{VALUE_DEADLINE_TIME}}">
</div>
<div class="form-group{{#ERROR_EXPECTED_START_DATE}} form-error{{/ERROR_EXPECTED_START_DATE}}">
<label class="form-label" for="expected_start_date">{{_ Expected start}}</label>
<input class="form-input input-width-s" type="date" id="expected_start_date" name="expected_start_date" value="{{VALUE_EXPECTED_START_DATE}}">
</div>
</fieldset>
<fieldset>
<legend class="h3">{{_ Contact persons}}</legend>
<p class="form-hint">{{_ At least one contact person with a phone number or an e-mail address is needed for publication.}}</p>
{{#CONTACT}}<div class="form-group">
<label class="form-label" for="contact_name_{{N}}">{{_ Name}} ({{N}})</label>
<input class="form-input input-width-xl" type="text" id="contact_name_{{N}}" name="contact_name_{{N}}" value="{{NAME}}">
</div>
<div class="form-group">
<label class="form-label" for="contact_title_{{N}}">{{_ Job title}} ({{N}})</label>
<input class="form-input input-width-xl" type="text" id="contact_title_{{N}}" name="contact_title_{{N}}" value="{{CONTACT_TITLE}}">
</div>
<div class="form-group">
<label class="form-label" for="contact_phone_{{N}}">{{_ Phone}} ({{N}})</label>
<input class="form-input input-width-m" type="tel" id="contact_phone_{{N}}" name="contact_phone_{{N}}" value="{{PHONE}}">
</div>
<div class="form-group">
<label class="form-label" for="contact_email_{{N}}">{{_ E-mail address}} ({{N}})</label>
<input class="form-input input-width-xl" type="email" id="contact_email_{{N}}" name="contact_email_{{N}}" value="{{EMAIL}}">
</div>
{{/CONTACT}}
</fieldset>
<fieldset>
<legend class="h3">{{_ The ad}}</legend>
<div class="form-group{{#ERROR_LANGUAGE_DA}} form-error{{/ERROR_LANGUAGE_DA}}">
<p class="form-label">{{_ Ad languages}} <span class="weight-normal">({{_ required}})</span></p>
{{#ERROR_LANGUAGE_DA}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_LANGUAGE_DA}}
<ul class="nobullet-list">
<li><input id="language_da" type="checkbox" name="ad_languages" value="da" class="form-checkbox"{{#LANGUAGE_DA}} checked{{/LANGUAGE_DA}}><label for="language_da">{{_ Danish ad}}</label></li>
<li><input id="language_en" type="checkbox" name="ad_languages" value="en" class="form-checkbox"{{#LANGUAGE_EN}} checked{{/LANGUAGE_EN}}><label for="language_en">{{_ English ad}}</label></li>
<li><input id="readvertisement" type="checkbox" name="readvertisement" value="1" class="form-checkbox"{{#READVERTISEMENT}} checked{{/READVERTISEMENT}}><label for="readvertisement">{{_ This is a re-advertisement}}</label></li>
</ul>
</div>
</fieldset>
<div class="form-actions-bar">
<button type="submit" class="button button-primary">{{_ Save}}</button>
<a class="button button-secondary" href="/cases/{{ID}}">{{_ Back to the case}}</a>
</div>
</form>
