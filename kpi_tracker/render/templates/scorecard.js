(function(){
var f={ministry:document.getElementById('f-ministry'),status:document.getElementById('f-status'),
section:document.getElementById('f-section'),q:document.getElementById('f-text')};
function apply(){var mv=f.ministry.value,sv=f.status.value,cv=f.section.value,
q=f.q.value.trim().toLowerCase();
document.querySelectorAll('table[data-count]').forEach(function(t){var shown=0;
t.querySelectorAll('tr[data-status]').forEach(function(r){
var ok=(!mv||r.dataset.ministries.split('|').indexOf(mv)>=0)&&(!sv||r.dataset.status===sv)
&&(!cv||r.dataset.section===cv)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
r.hidden=!ok;if(ok){shown++;}});
document.getElementById(t.dataset.count).textContent=shown;});
var h=[];['ministry','status','section','q'].forEach(function(k){
if(f[k].value){h.push(k+'='+encodeURIComponent(f[k].value));}});
history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname);}
function fromHash(){location.hash.slice(1).split('&').forEach(function(p){
var kv=p.split('=');if(kv.length!==2||!f[kv[0]]){return;}
f[kv[0]].value=decodeURIComponent(kv[1]);});}
Object.keys(f).forEach(function(k){f[k].addEventListener(k==='q'?'input':'change',apply);});
document.querySelectorAll('.chart button').forEach(function(b){
b.addEventListener('click',function(){var key=b.closest('.chart').dataset.key;
f.ministry.value='';f.section.value='';f[key].value=b.dataset.group;
f.status.value=b.dataset.status;apply();
document.getElementById('filters').scrollIntoView();});});
fromHash();apply();})();
