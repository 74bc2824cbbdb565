<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US">
<context>
    <name>App</name>
    <message>
        <source>immudesk is already open on {file}: its window was brought to the front.</source>
        <translation>immudesk ya está abierto con {file}: su ventana se trajo al frente.</translation>
    </message>
</context>
<context>
    <name>ChildDialog</name>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>First day of attendance</source>
        <translation>Primer día de asistencia</translation>
    </message>
    <message>
        <source>Withdrawal date</source>
        <translation>Fecha de baja</translation>
    </message>
    <message>
        <source>In process until</source>
        <translation>En proceso hasta</translation>
    </message>
    <message>
        <source>The first name is required.</source>
        <translation>Falta el nombre.</translation>
    </message>
    <message>
        <source>The last name is required.</source>
        <translation>Falta el apellido.</translation>
    </message>
    <message>
        <source>The birth date is required.</source>
        <translation>Falta la fecha de nacimiento.</translation>
    </message>
    <message>
        <source>The first day of attendance is required.</source>
        <translation>Falta el primer día de asistencia.</translation>
    </message>
    <message>
        <source>The withdrawal date is required.</source>
        <translation>Falta la fecha de baja.</translation>
    </message>
    <message>
        <source>The in process until is required.</source>
        <translation>Falta la fecha hasta la que está en proceso.</translation>
    </message>
    <message>
        <source>{name}: record</source>
        <translation>{name}: registro</translation>
    </message>
    <message>
        <source>New child</source>
        <translation>Niño nuevo</translation>
    </message>
    <message>
        <source>&amp;Child and family</source>
        <translation>Niño y &amp;familia</translation>
    </message>
    <message>
        <source>&amp;Vaccines</source>
        <translation>&amp;Vacunas</translation>
    </message>
    <message>
        <source>E&amp;xemptions and history</source>
        <translation>E&amp;xenciones e historial</translation>
    </message>
    <message>
        <source>Check and save the whole record (Ctrl+S)</source>
        <translation>Revisar y guardar todo el registro (Ctrl+S)</translation>
    </message>
    <message>
        <source>Has left the home on</source>
        <translation>Dejó de venir el</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellido:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Fecha de na&amp;cimiento:</translation>
    </message>
    <message>
        <source>First day of &amp;attendance:</source>
        <translation>Primer día de asis&amp;tencia:</translation>
    </message>
    <message>
        <source>Atten&amp;dance:</source>
        <translation>Ti&amp;po de asistencia:</translation>
    </message>
    <message>
        <source>&amp;Withdrawal:</source>
        <translation>&amp;Baja:</translation>
    </message>
    <message>
        <source>&amp;Parent or guardian:</source>
        <translation>Padre, madre o t&amp;utor:</translation>
    </message>
    <message>
        <source>Parent's p&amp;hone:</source>
        <translation>Teléfono de los pa&amp;dres:</translation>
    </message>
    <message>
        <source>Parent's &amp;email:</source>
        <translation>Correo &amp;electrónico de los padres:</translation>
    </message>
    <message>
        <source>Lan&amp;guage for letters:</source>
        <translation>Idioma de las carta&amp;s:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Vaccine and date given</source>
        <translation>Vacuna y fecha en que se puso</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Counts for the law?</source>
        <translation>¿Cuenta para la ley?</translation>
    </message>
    <message>
        <source>F2 or a double click corrects a dose's date or product in place; Delete removes the selected dose.</source>
        <translation>F2 o un doble clic corrige ahí mismo la fecha o el producto de una dosis; Supr quita la dosis seleccionada.</translation>
    </message>
    <message>
        <source>Add a dose from the certificate</source>
        <translation>Agregar una dosis del certificado</translation>
    </message>
    <message>
        <source>as printed: Pentacel, PCV20, Hep B, MMR II …</source>
        <translation>como viene impreso: Pentacel, PCV20, Hep B, MMR II …</translation>
    </message>
    <message>
        <source>&amp;Add dose</source>
        <translation>&amp;Agregar dosis</translation>
    </message>
    <message>
        <source>Remove selected &amp;dose</source>
        <translation>Quitar la &amp;dosis seleccionada</translation>
    </message>
    <message>
        <source>Date &amp;given:</source>
        <translation>Fecha en que se &amp;puso:</translation>
    </message>
    <message>
        <source>Vacc&amp;ine or product:</source>
        <translation>Vacu&amp;na o producto:</translation>
    </message>
    <message>
        <source>Type each line of the certificate: the date, the vaccine as printed, Enter. A shot given the same day: just the vaccine and Enter. A combination (Pentacel, Pediarix, ProQuad …) is typed once and filed under every vaccine it covers.</source>
        <translation>Escriba cada renglón del certificado: la fecha (mes/día/año), la vacuna como viene impresa, Enter. Otra vacuna del mismo día: solo la vacuna y Enter. Una combinada (Pentacel, Pediarix, ProQuad …) se escribe una vez y se anota en cada vacuna que cubre.</translation>
    </message>
    <message>
        <source>On file: {documentation}.</source>
        <translation>En el expediente: {documentation}.</translation>
    </message>
    <message>
        <source>A religious exemption statement is on file (covers all vaccines)</source>
        <translation>Hay una declaración de exención religiosa en el expediente (cubre todas las vacunas)</translation>
    </message>
    <message>
        <source>All vaccines</source>
        <translation>Todas las vacunas</translation>
    </message>
    <message>
        <source>A physician certified that a series is in process, until</source>
        <translation>Un médico certificó que una serie está en proceso, hasta el</translation>
    </message>
    <message>
        <source>In process (physician's certification)</source>
        <translation>En proceso (certificado del médico)</translation>
    </message>
    <message>
        <source>Chickenpox (varicella) history</source>
        <translation>Antecedente de varicela</translation>
    </message>
    <message>
        <source>Documented chickenpox counts instead of the varicella vaccine. Enter the date (month/day/year), or the year when only the year is known.</source>
        <translation>La varicela documentada cuenta en lugar de la vacuna contra la varicela. Escriba la fecha (mes/día/año), o solo el año si no se sabe más.</translation>
    </message>
    <message>
        <source>MM/DD/YYYY or YYYY; empty if none</source>
        <translation>mes/día/año o año; vacío si no tuvo</translation>
    </message>
    <message>
        <source>Had chic&amp;kenpox on:</source>
        <translation>Tuvo vari&amp;cela el:</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>Firmada el:</translation>
    </message>
    <message>
        <source>if it does</source>
        <translation>si vence</translation>
    </message>
    <message>
        <source>Expires on:</source>
        <translation>Vence el:</translation>
    </message>
    <message>
        <source>The birth date {date} is in the future.</source>
        <translation>La fecha de nacimiento {date} es en el futuro.</translation>
    </message>
    <message>
        <source>The first day of attendance {date} is before the birth date {birth}.</source>
        <translation>El primer día de asistencia {date} es antes de la fecha de nacimiento {birth}.</translation>
    </message>
    <message>
        <source>The withdrawal date {date} is before the first day of attendance {first}.</source>
        <translation>La fecha de baja {date} es antes del primer día de asistencia {first}.</translation>
    </message>
    <message>
        <source>{email} does not look like an email address.</source>
        <translation>{email} no parece un correo electrónico.</translation>
    </message>
    <message>
        <source> (written {name} here)</source>
        <translation> (aquí escrito {name})</translation>
    </message>
    <message>
        <source>{name}, born {birth}, is already on the roster{written}: open that record instead of adding the child again.</source>
        <translation>{name}, nacido el {birth}, ya está en la lista{written}: abra ese registro en lugar de agregar al niño otra vez.</translation>
    </message>
    <message>
        <source>{typed} is typed under "Vaccine or product" but not added: press Enter there to add it, or clear it.</source>
        <translation>{typed} está escrito en "Vacuna o producto" pero no se agregó: oprima Enter ahí para agregarlo, o bórrelo.</translation>
    </message>
    <message>
        <source>{text} is not a date or a year; write MM/DD/YYYY or YYYY.</source>
        <translation>{text} no es una fecha ni un año; escriba mes/día/año o el año.</translation>
    </message>
    <message>
        <source>The year {year} is outside the child's life.</source>
        <translation>El año {year} está fuera de la vida del niño.</translation>
    </message>
    <message>
        <source>{date} is outside the child's life.</source>
        <translation>{date} está fuera de la vida del niño.</translation>
    </message>
    <message>
        <source>The certified date {date} is before the first day of attendance {first}.</source>
        <translation>La fecha certificada {date} es antes del primer día de asistencia {first}.</translation>
    </message>
    <message>
        <source>Born {birth}, the child would be {years} years old: check the year.</source>
        <translation>Con fecha de nacimiento {birth}, el niño tendría {years} años: revise el año.</translation>
    </message>
    <message>
        <source>The first day of attendance {date} is more than a year ahead: check the year.</source>
        <translation>El primer día de asistencia {date} es dentro de más de un año: revise el año.</translation>
    </message>
    <message>
        <source>The withdrawal date {date} is in the future: the child counts as attending until then.</source>
        <translation>La fecha de baja {date} es en el futuro: el niño cuenta como que asiste hasta entonces.</translation>
    </message>
    <message>
        <source>The date given {date} is after today: check the date.</source>
        <translation>La fecha en que se puso, {date}, es después de hoy: revise la fecha.</translation>
    </message>
    <message>
        <source>Type the vaccine or product as the certificate prints it.</source>
        <translation>Escriba la vacuna o el producto como viene en el certificado.</translation>
    </message>
    <message>
        <source>For Hib the product matters: PedvaxHIB needs fewer doses than ActHIB, Hiberix or Pentacel.</source>
        <translation>Para Hib importa el producto: PedvaxHIB necesita menos dosis que ActHIB, Hiberix o Pentacel.</translation>
    </message>
    <message>
        <source>Enter adds: {choice}.</source>
        <translation>Enter agrega: {choice}.</translation>
    </message>
    <message>
        <source>{typed} could be {first} or {second}: type more, or pick one with the Down key.</source>
        <translation>{typed} puede ser {first} o {second}: escriba más, o elija uno con la flecha hacia abajo.</translation>
    </message>
    <message>
        <source>No vaccine or product starts with {typed}.</source>
        <translation>Ninguna vacuna ni producto empieza con {typed}.</translation>
    </message>
    <message>
        <source>Date given: {problem}</source>
        <translation>Fecha en que se puso: {problem}</translation>
    </message>
    <message>
        <source>Type the date given first (MM/DD/YYYY).</source>
        <translation>Primero escriba la fecha en que se puso (mes/día/año).</translation>
    </message>
    <message>
        <source>Type the birth date first (Child and family page): a dose is checked against it.</source>
        <translation>Primero escriba la fecha de nacimiento (página Niño y familia): cada dosis se revisa contra ella.</translation>
    </message>
    <message>
        <source>The date {date} is after today: a dose is recorded once it is given.</source>
        <translation>La fecha {date} es después de hoy: una dosis se anota cuando ya se puso.</translation>
    </message>
    <message>
        <source>The date {date} is before the birth date {birth}.</source>
        <translation>La fecha {date} es antes de la fecha de nacimiento {birth}.</translation>
    </message>
    <message>
        <source>A {vaccines} dose on {date} is already on the record.</source>
        <translation>Ya hay una dosis de {vaccines} del {date} en el registro.</translation>
    </message>
    <message>
        <source>Select a dose (a date under a vaccine) to remove it.</source>
        <translation>Seleccione una dosis (una fecha debajo de una vacuna) para quitarla.</translation>
    </message>
    <message>
        <source>The status cannot be worked out yet: {error}</source>
        <translation>Todavía no se puede saber el estado: {error}</translation>
    </message>
    <message>
        <source>The status shows once the birth date and the first day of attendance are filled in.</source>
        <translation>El estado aparece cuando estén la fecha de nacimiento y el primer día de asistencia.</translation>
    </message>
    <message>
        <source>Fix the fields marked ⚠ to see the status.</source>
        <translation>Corrija los campos marcados con ⚠ para ver el estado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{status}&lt;/b&gt; on {date}</source>
        <translation>&lt;b&gt;{status}&lt;/b&gt; al {date}</translation>
    </message>
    <message>
        <source>Missing: {vaccines}</source>
        <translation>Faltan: {vaccines}</translation>
    </message>
    <message>
        <source>Status: {status}. {deadline}</source>
        <translation>Estado: {status}. {deadline}</translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s) on record</source>
        <translation>
            <numerusform>%n dosis en el registro</numerusform>
            <numerusform>%n dosis en el registro</numerusform>
        </translation>
    </message>
    <message>
        <source>not required in {state}</source>
        <translation>no se exige en {state}</translation>
    </message>
    <message>
        <source>exempt ({exemption})</source>
        <translation>exento ({exemption})</translation>
    </message>
    <message numerus="yes">
        <source>{counting} counting of %n required now</source>
        <translation>
            <numerusform>válidas: {counting} de %n exigida ahora</numerusform>
            <numerusform>válidas: {counting} de %n exigidas ahora</numerusform>
        </translation>
    </message>
    <message>
        <source>more needed</source>
        <translation>faltan más</translation>
    </message>
    <message numerus="yes">
        <source>%n counting; none required yet</source>
        <translation>
            <numerusform>%n válida; todavía no se exige ninguna</numerusform>
            <numerusform>%n válidas; todavía no se exige ninguna</numerusform>
        </translation>
    </message>
    <message>
        <source>none required yet</source>
        <translation>todavía no se exige ninguna</translation>
    </message>
    <message>
        <source>next due {date}</source>
        <translation>la próxima toca el {date}</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>sin revisar todavía</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>no evaluada</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>cuenta</translation>
    </message>
    <message>
        <source>does not count: {reason}</source>
        <translation>no cuenta: {reason}</translation>
    </message>
    <message>
        <source>not valid</source>
        <translation>no es válida</translation>
    </message>
    <message>
        <source>{typed} does not name one vaccine or product: type more of it.</source>
        <translation>{typed} no nombra una sola vacuna o producto: escriba más.</translation>
    </message>
    <message>
        <source>Type the vaccine or product.</source>
        <translation>Escriba la vacuna o el producto.</translation>
    </message>
    <message>
        <source>{product} does not cover {vaccine}; remove this dose and add {product} on its own.</source>
        <translation>{product} no cubre {vaccine}; quite esta dosis y agregue {product} aparte.</translation>
    </message>
    <message>
        <source>Not corrected: {problem}</source>
        <translation>No se corrigió: {problem}</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>Close the record without saving your changes?</source>
        <translation>¿Cerrar el registro sin guardar los cambios?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar los cambios</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Medical exemption</source>
        <translation>Exención médica</translation>
    </message>
    <message>
        <source>Religious exemption</source>
        <translation>Exención religiosa</translation>
    </message>
    <message>
        <source>Conscientious exemption</source>
        <translation>Exención por convicciones personales</translation>
    </message>
    <message>
        <source>These doses are outside the child's life:</source>
        <translation>Estas dosis están fuera de la vida del niño:</translation>
    </message>
    <message>
        <source>{vaccine} on {date}</source>
        <translation>{vaccine} del {date}</translation>
    </message>
    <message>
        <source>Remove or correct them.</source>
        <translation>Quítelas o corríjalas.</translation>
    </message>
    <message>
        <source>{vaccine} (vaccine only, product not recorded)</source>
        <translation>{vaccine} (solo la vacuna, sin anotar el producto)</translation>
    </message>
</context>
<context>
    <name>Compliance</name>
    <message>
        <source>no report period for {state} on {date} ({error})</source>
        <translation>no hay período de informe para {state} al {date} ({error})</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>MM/DD/YYYY</source>
        <translation>mes/día/año</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>Choose the date on a calendar (Alt+Down in the field)</source>
        <translation>Elegir la fecha en un calendario (Alt+flecha abajo en el campo)</translation>
    </message>
    <message>
        <source>Month first: 3/14/2025, 031425, 2025-03-14 or Mar 14 2025. A two-digit year is 20YY</source>
        <translation>Primero el mes, como en los certificados de EE. UU. (mes/día/año): 3/14/2025, 031425, 2025-03-14 o Mar 14 2025. Un año de dos cifras es 20AA</translation>
    </message>
    <message>
        <source>, or 19YY when 20YY would be after today.</source>
        <translation>, o 19AA cuando 20AA sería después de hoy.</translation>
    </message>
    <message>
        <source>Alt+Down opens a calendar.</source>
        <translation>Alt+flecha abajo abre un calendario.</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <source>The roster was not imported</source>
        <translation>No se importó la lista</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from {file}: %n problem(s) must be fixed first. Correct them in the spreadsheet, save it as CSV (UTF-8) and import it again.</source>
        <translation>
            <numerusform>No se importó nada de {file}: primero hay que corregir %n problema. Corríjalo en la hoja de cálculo, guárdela como CSV (UTF-8) e impórtela otra vez.</numerusform>
            <numerusform>No se importó nada de {file}: primero hay que corregir %n problemas. Corríjalos en la hoja de cálculo, guárdela como CSV (UTF-8) e impórtela otra vez.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy problems</source>
        <translation>&amp;Copiar los problemas</translation>
    </message>
    <message>
        <source>Some children are already on the roster. To replace their records with the file's, use File → Import CSV, replacing existing records.</source>
        <translation>Algunos niños ya están en la lista. Para reemplazar sus registros con los del archivo, use Archivo → Importar CSV, reemplazando los registros existentes.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Automatic (as the computer)</source>
        <translation>&amp;Automático (como la computadora)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used from the next start of immudesk. Restart now? Nothing is lost: your records are saved as you go.</source>
        <translation>El nuevo idioma se usa desde la próxima vez que abra immudesk. ¿Reiniciar ahora? No se pierde nada: sus registros se guardan sobre la marcha.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please check</source>
        <translation>Revise, por favor</translation>
    </message>
    <message>
        <source>Nothing was changed. Please fix these first:</source>
        <translation>No se cambió nada. Primero corrija esto:</translation>
    </message>
    <message>
        <source>The computer refused: {reason}{where}.</source>
        <translation>La computadora no lo permitió: {reason}{where}.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Something went wrong inside immudesk. Nothing was half-saved: the last thing you saved is safe.

Details for support are in {log}</source>
        <translation>Algo salió mal dentro de immudesk. Nada quedó guardado a medias: lo último que guardó está a salvo.

Los detalles para soporte técnico están en {log}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Outbreak</name>
    <message>
        <source>Measles (MMR)</source>
        <translation>Sarampión (MMR)</translation>
    </message>
    <message>
        <source>Chickenpox (varicella)</source>
        <translation>Varicela</translation>
    </message>
    <message>
        <source>Whooping cough (pertussis, DTaP)</source>
        <translation>Tos ferina (pertussis, DTaP)</translation>
    </message>
</context>
<context>
    <name>OutsideChanges</name>
    <message>
        <source>The record changed meanwhile</source>
        <translation>El registro cambió mientras tanto</translation>
    </message>
    <message>
        <source>{name}'s record was changed by another program (an import or another window) after you opened it.

Keep your version (the other change is replaced), take the other version (what you typed here is dropped), or go back to the record?</source>
        <translation>Otro programa (una importación u otra ventana) cambió el registro de {name} después de que usted lo abrió.

¿Quedarse con su versión (se reemplaza el otro cambio), tomar la otra versión (se descarta lo que escribió aquí) o volver al registro?</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Quedarme con la mía</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Tomar la otra</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>The record is no longer there</source>
        <translation>El registro ya no está</translation>
    </message>
    <message>
        <source>{name}'s record is no longer in the records: a restore or another window removed it after you opened it.

Add {first_name} to the roster again with what you typed here?</source>
        <translation>El registro de {name} ya no está en los registros: una restauración u otra ventana lo quitó después de que usted lo abrió.

¿Agregar a {first_name} a la lista otra vez con lo que escribió aquí?</translation>
    </message>
    <message>
        <source>the child</source>
        <translation>el niño</translation>
    </message>
    <message>
        <source>Add again</source>
        <translation>Agregar otra vez</translation>
    </message>
</context>
<context>
    <name>RecordsDue</name>
    <message>
        <source>Child</source>
        <translation>Niño</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Ask every</source>
        <translation>Pedir cada</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Records to request</source>
        <translation>Registros que pedir</translation>
    </message>
    <message>
        <source>{state}'s rules in immudesk set no schedule for asking parents for updated records; keep each record current as doses come due.</source>
        <translation>Las reglas de {state} en immudesk no fijan cada cuánto pedir a los padres registros actualizados; mantenga cada registro al día a medida que tocan las dosis.</translation>
    </message>
    <message>
        <source>No record update is due by {date} or in the {days} days after.</source>
        <translation>No hay que pedir ningún registro actualizado para el {date} ni en los {days} días siguientes.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) to ask parents for (due now or within {days} days). The last update is the first day of attendance or the newest dose on record.</source>
        <translation>
            <numerusform>%n registro que pedir a los padres (ya o dentro de {days} días). La última actualización es el primer día de asistencia o la dosis más reciente del registro.</numerusform>
            <numerusform>%n registros que pedir a los padres (ya o dentro de {days} días). La última actualización es el primer día de asistencia o la dosis más reciente del registro.</numerusform>
        </translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(atrasado)</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>Backed up</source>
        <translation>Copia de seguridad hecha</translation>
    </message>
    <message>
        <source>All records were copied and checked.

The copy is {path}</source>
        <translation>Todos los registros se copiaron y se revisaron.

La copia está en {path}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Choose the copy to go back to. The records as they are now are kept as a backup first, so this can be undone.</source>
        <translation>Elija la copia a la que quiere volver. Antes se guarda una copia de los registros como están ahora, así que esto se puede deshacer.</translation>
    </message>
    <message>
        <source>(damaged: cannot be restored)</source>
        <translation>(dañada: no se puede restaurar)</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Todavía no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>Otro archivo…</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>Restaurar desde un archivo</translation>
    </message>
    <message>
        <source>immudesk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Bases de datos de immudesk (*.sqlite3 *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Replace all records with the copy in {file}?

The records as they are now are kept as a backup first.</source>
        <translation>¿Reemplazar todos los registros con la copia de {file}?

Antes se guarda una copia de los registros como están ahora.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <source>The records are back as they were in {file}.</source>
        <translation>Los registros volvieron a estar como en {file}.</translation>
    </message>
    <message>
        <source>The records you had before are kept in {file}</source>
        <translation>Los registros que tenía antes se guardaron en {file}</translation>
    </message>
    <message>
        <source>immudesk is locked</source>
        <translation>immudesk está bloqueado</translation>
    </message>
    <message>
        <source>The records in {file} are encrypted. Type the passphrase.</source>
        <translation>Los registros de {file} están cifrados. Escriba la frase de contraseña.</translation>
    </message>
    <message>
        <source>That passphrase does not open these records. Letters and case matter.</source>
        <translation>Esa frase de contraseña no abre estos registros. Importan las letras y las mayúsculas.</translation>
    </message>
    <message>
        <source>The passphrase was not right. A lost passphrase cannot be recovered; if you have a backup from before encryption was turned on, it can be restored.</source>
        <translation>La frase de contraseña no era la correcta. Una frase perdida no se puede recuperar; si tiene una copia de seguridad de antes de activar el cifrado, se puede restaurar.</translation>
    </message>
    <message>
        <source>The records could not be opened</source>
        <translation>No se pudieron abrir los registros</translation>
    </message>
    <message>
        <source>Restore the newest good backup ({file}) instead?</source>
        <translation>¿Restaurar en su lugar la copia de seguridad buena más reciente ({file})?</translation>
    </message>
    <message>
        <source>Restore it</source>
        <translation>Restaurarla</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>The records file is damaged</source>
        <translation>El archivo de registros está dañado</translation>
    </message>
    <message>
        <source>Restore the newest good backup now?</source>
        <translation>¿Restaurar ahora la copia de seguridad buena más reciente?</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Type the passphrase to see the records again.</source>
        <translation>Escriba la frase de contraseña para volver a ver los registros.</translation>
    </message>
    <message>
        <source>Type your PIN to see the records again.</source>
        <translation>Escriba su PIN para volver a ver los registros.</translation>
    </message>
    <message>
        <source>The records are hidden while nobody is at the computer. Set a PIN in Settings &gt; App lock so only you can unlock.</source>
        <translation>Los registros se ocultan mientras nadie usa la computadora. Ponga un PIN en Configuración &gt; Bloqueo de la aplicación para que solo usted pueda desbloquear.</translation>
    </message>
    <message>
        <source>Show the records</source>
        <translation>Mostrar los registros</translation>
    </message>
    <message>
        <source>That is not right. Try again.</source>
        <translation>No es correcto. Intente otra vez.</translation>
    </message>
    <message>
        <source>App lock</source>
        <translation>Bloqueo de la aplicación</translation>
    </message>
    <message>
        <source>When nobody has used immudesk for a while, it covers the records until you unlock it.</source>
        <translation>Cuando nadie ha usado immudesk por un rato, tapa los registros hasta que usted lo desbloquee.</translation>
    </message>
    <message>
        <source>The records are encrypted, so the lock asks for the passphrase.</source>
        <translation>Los registros están cifrados, así que el bloqueo pide la frase de contraseña.</translation>
    </message>
    <message>
        <source>Set a PIN (4 or more characters) so only you can unlock; leave both PIN fields empty to keep the current one.</source>
        <translation>Ponga un PIN (4 caracteres o más) para que solo usted pueda desbloquear; deje vacíos los dos campos de PIN para conservar el actual.</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Bloquear después de</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>El mismo PIN otra vez</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Los dos PIN no coinciden.</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>diaria</translation>
    </message>
    <message>
        <source>before restore</source>
        <translation>antes de restaurar</translation>
    </message>
    <message>
        <source>before import</source>
        <translation>antes de importar</translation>
    </message>
    <message>
        <source>before update</source>
        <translation>antes de actualizar</translation>
    </message>
</context>
</TS>
