<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US">
<context>
    <name>App</name>
    <message>
        <source>immudesk is already open on {file}: its window was brought to the front.</source>
        <translation>immudesk ya está abierto con {file}: su ventana se trajo al frente.</translation>
    </message>
    <message>
        <source>the window could not show everything: {error}</source>
        <translation>la ventana no pudo mostrarlo todo: {error}</translation>
    </message>
    <message>
        <source>Saved a screenshot of the window to {file}</source>
        <translation>Se guardó una captura de la ventana en {file}</translation>
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
        <source>Parent&apos;s p&amp;hone:</source>
        <translation>Teléfono de los pa&amp;dres:</translation>
    </message>
    <message>
        <source>Parent&apos;s &amp;email:</source>
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
        <source>F2 or a double click corrects a dose&apos;s date or product in place; Delete removes the selected dose.</source>
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
        <source>In process (physician&apos;s certification)</source>
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
        <translation>mes/día/año o año</translation>
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
        <source>{typed} is typed under &quot;Vaccine or product&quot; but not added: press Enter there to add it, or clear it.</source>
        <translation>{typed} está escrito en &quot;Vacuna o producto&quot; pero no se agregó: oprima Enter ahí para agregarlo, o bórrelo.</translation>
    </message>
    <message>
        <source>{text} is not a date or a year; write MM/DD/YYYY or YYYY.</source>
        <translation>{text} no es una fecha ni un año; escriba mes/día/año o el año.</translation>
    </message>
    <message>
        <source>The year {year} is outside the child&apos;s life.</source>
        <translation>El año {year} está fuera de la vida del niño.</translation>
    </message>
    <message>
        <source>{date} is outside the child&apos;s life.</source>
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
        <source>overdue since {date}</source>
        <translation>atrasada desde el {date}</translation>
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
        <source>These doses are outside the child&apos;s life:</source>
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
    <name>Facility</name>
    <message>
        <source>Facility &amp;name:</source>
        <translation>&amp;Nombre del hogar:</translation>
    </message>
    <message>
        <source>Facility &amp;ID (license number):</source>
        <translation>Número de &amp;licencia:</translation>
    </message>
    <message>
        <source>Co&amp;unty:</source>
        <translation>Con&amp;dado:</translation>
    </message>
    <message>
        <source>T&amp;ype of care:</source>
        <translation>&amp;Tipo de cuidado:</translation>
    </message>
    <message>
        <source>&amp;Operator (director):</source>
        <translation>&amp;Responsable (directora o director):</translation>
    </message>
    <message>
        <source>Facility &amp;email:</source>
        <translation>Correo &amp;electrónico del hogar:</translation>
    </message>
    <message>
        <source>Facility &amp;phone:</source>
        <translation>Teléfono del &amp;hogar:</translation>
    </message>
    <message>
        <source>Street a&amp;ddress:</source>
        <translation>Dire&amp;cción:</translation>
    </message>
    <message>
        <source>Mai&amp;ling address:</source>
        <translation>Dirección &amp;postal:</translation>
    </message>
    <message>
        <source>Ci&amp;ty:</source>
        <translation>C&amp;iudad:</translation>
    </message>
    <message>
        <source>&amp;ZIP code:</source>
        <translation>Código postal (&amp;ZIP):</translation>
    </message>
    <message>
        <source>Person completing the &amp;report:</source>
        <translation>Persona que llena el &amp;informe:</translation>
    </message>
    <message>
        <source>Reporter&apos;s e-&amp;mail:</source>
        <translation>Correo electrónic&amp;o de esa persona:</translation>
    </message>
    <message>
        <source>The state&apos;s law decides the requirements, grace period, exemptions and report</source>
        <translation>La ley del estado decide los requisitos, el plazo de gracia, las exenciones y el informe</translation>
    </message>
    <message>
        <source>St&amp;ate:</source>
        <translation>Est&amp;ado:</translation>
    </message>
    <message>
        <source>required: it heads every report and letter</source>
        <translation>obligatorio: encabeza cada informe y cada carta</translation>
    </message>
    <message>
        <source>The facility name is required: it heads every report and letter.</source>
        <translation>Falta el nombre del hogar: encabeza cada informe y cada carta.</translation>
    </message>
    <message>
        <source>Facility settings</source>
        <translation>Datos del hogar</translation>
    </message>
    <message>
        <source>The records are kept in {file}.</source>
        <translation>Los registros se guardan en {file}.</translation>
    </message>
    <message>
        <source>No child&apos;s status changes under {state}&apos;s law.</source>
        <translation>Con la ley de {state} no cambia el estado de ningún niño.</translation>
    </message>
    <message numerus="yes">
        <source>Under {state}&apos;s law, %n child(ren) of {enrolled} change status</source>
        <translation>
            <numerusform>Con la ley de {state}, cambia el estado de %n niño de {enrolled}</numerusform>
            <numerusform>Con la ley de {state}, cambia el estado de %n niños de {enrolled}</numerusform>
        </translation>
    </message>
    <message>
        <source>, and {count} of them may not attend.</source>
        <translation>, y {count} de ellos no pueden asistir.</translation>
    </message>
    <message>
        <source>Change the state?</source>
        <translation>¿Cambiar el estado?</translation>
    </message>
    <message>
        <source>The state decides the requirements, grace period, exemptions and report everywhere in immudesk. Change the state to {state}?</source>
        <translation>El estado decide los requisitos, el plazo de gracia, las exenciones y el informe en todo immudesk. ¿Cambiar el estado a {state}?</translation>
    </message>
    <message>
        <source>Change to {state}</source>
        <translation>Cambiar a {state}</translation>
    </message>
    <message>
        <source>Keep {state}</source>
        <translation>Seguir con {state}</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to immudesk</source>
        <translation>Bienvenido a immudesk</translation>
    </message>
    <message>
        <source>Immunization records for your child care home, and who complies with the state&apos;s law.</source>
        <translation>Los registros de vacunas de su hogar de cuidado infantil, y quién cumple con la ley del estado.</translation>
    </message>
    <message>
        <source>Your records will be kept on this computer only, in:
{file}

Nothing is sent anywhere.</source>
        <translation>Sus registros se guardarán solo en esta computadora, en:
{file}

No se envía nada a ninguna parte.</translation>
    </message>
    <message>
        <source>&amp;Set up my own home (you will enter the state and your facility&apos;s details)</source>
        <translation>&amp;Preparar mi propio hogar (usted anotará el estado y los datos de su hogar)</translation>
    </message>
    <message>
        <source>&amp;Try the demo home first (13 invented children in different situations)</source>
        <translation>P&amp;robar primero el hogar de demostración (13 niños inventados en distintas situaciones)</translation>
    </message>
    <message>
        <source>The demo is kept in a practice file of its own, apart from your records. File → Back to my own records leaves it whenever you are ready.</source>
        <translation>La demostración se guarda en un archivo de práctica propio, aparte de sus registros. Archivo → Volver a mis registros la deja cuando usted quiera.</translation>
    </message>
    <message>
        <source>Your facility</source>
        <translation>Su hogar</translation>
    </message>
    <message>
        <source>The state decides the law immudesk applies. The other fields head the annual report; you can change them later under Settings → Facility.</source>
        <translation>El estado decide qué ley aplica immudesk. Los demás datos encabezan el informe anual; los puede cambiar después en Configuración → Datos del hogar.</translation>
    </message>
    <message>
        <source>Set up immudesk</source>
        <translation>Preparar immudesk</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>&lt;h2&gt;immudesk help&lt;/h2&gt;
&lt;p&gt;immudesk keeps your children&apos;s immunization records and tells you, for any day, who complies with your
state&apos;s child care immunization law. Everything stays on this computer.&lt;/p&gt;
</source>
        <translation>&lt;h2&gt;Ayuda de immudesk&lt;/h2&gt;
&lt;p&gt;immudesk guarda los registros de vacunas de sus niños y le dice, para cualquier día, quién cumple con la ley de
vacunas para el cuidado infantil de su estado. Todo se queda en esta computadora.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The roster&lt;/h3&gt;
&lt;p&gt;One row per child. The &lt;b&gt;Status&lt;/b&gt; column always shows an icon, a colour and words:&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;✓ circle, green: Up to date&lt;/b&gt;: every dose the law requires at this age is on record and counts.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;clock, orange: In process&lt;/b&gt;: doses are missing but the child is within the grace period
(North Carolina: 30 calendar days from the first day of attendance, or a date a physician certified).
The &lt;b&gt;Deadline&lt;/b&gt; column counts the days left.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;shield, blue: Medical / religious / conscientious exemption&lt;/b&gt;: an exemption is on file. An exemption does
not make a child up to date.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;diamond with !, vermillion: Not up to date&lt;/b&gt;: doses are missing and no grace period applies.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;octagon, dark red: May not attend&lt;/b&gt;: the grace period is over; the child may not attend until the record
is brought up to date, a physician certifies the series is in process, or an exemption is on file.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Deadline&lt;/b&gt; says &quot;12 days left&quot;, &quot;due in 5 days&quot; (a new requirement starts at a birthday) or &quot;excluded
since …&quot;. &lt;b&gt;Next dose due&lt;/b&gt; is the earliest date a further dose is due. &lt;b&gt;Missing vaccines&lt;/b&gt; lists the
vaccine groups whose required doses are not all on record. Hover over a row to read the reasons.&lt;/p&gt;
&lt;p&gt;Children who have left are shown in grey; untick &lt;b&gt;Withdrawn children&lt;/b&gt; to hide them. When a child leaves,
use &lt;b&gt;Roster → Withdraw child&lt;/b&gt; (or right-click the row): the record stays for the inspector.&lt;/p&gt;
&lt;p&gt;The search box finds names however they are typed: &quot;hernandez&quot; finds Hernández.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;La lista&lt;/h3&gt;
&lt;p&gt;Una fila por niño. La columna &lt;b&gt;Estado&lt;/b&gt; siempre muestra un ícono, un color y palabras:&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;✓ círculo, verde: Al día&lt;/b&gt;: todas las dosis que la ley exige a esta edad están en el registro y cuentan.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;reloj, anaranjado: En proceso&lt;/b&gt;: faltan dosis pero el niño está dentro del plazo de gracia
(Carolina del Norte: 30 días calendario desde el primer día de asistencia, o la fecha que certificó un médico).
La columna &lt;b&gt;Plazo&lt;/b&gt; cuenta los días que quedan.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;escudo, azul: Exención médica / religiosa / por convicciones personales&lt;/b&gt;: hay una exención en el
expediente. Una exención no hace que el niño esté al día.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;rombo con !, bermellón: No está al día&lt;/b&gt;: faltan dosis y no corre ningún plazo de gracia.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;octágono, rojo oscuro: No puede asistir&lt;/b&gt;: el plazo de gracia terminó; el niño no puede asistir hasta que
el registro esté al día, un médico certifique que la serie está en proceso, o haya una exención en el expediente.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;&lt;b&gt;Plazo&lt;/b&gt; dice &quot;quedan 12 días&quot;, &quot;toca en 5 días&quot; (un requisito nuevo empieza en un cumpleaños) o &quot;excluido
desde …&quot;. &lt;b&gt;Próxima dosis&lt;/b&gt; es la fecha más próxima en que toca otra dosis. &lt;b&gt;Vacunas que faltan&lt;/b&gt; nombra las
vacunas a las que les faltan dosis exigidas. Ponga el ratón sobre una fila para leer los motivos.&lt;/p&gt;
&lt;p&gt;Los niños que ya no vienen se ven en gris; quite la marca de &lt;b&gt;Niños dados de baja&lt;/b&gt; para ocultarlos. Cuando un
niño deja de venir, use &lt;b&gt;Lista → Dar de baja al niño&lt;/b&gt; (o el clic derecho en la fila): el registro se queda para
el inspector.&lt;/p&gt;
&lt;p&gt;La búsqueda encuentra los nombres como sea que se escriban: &quot;hernandez&quot; encuentra Hernández.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Undo&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; takes back the last save or delete of a child&apos;s record, until you close immudesk. Changing the
facility&apos;s state first tells you how many children would change status, and asks.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Deshacer&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; deshace lo último que se guardó o se eliminó del registro de un niño, hasta que cierre immudesk.
Antes de cambiar el estado del hogar, immudesk le dice a cuántos niños les cambiaría el estado, y le pregunta.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The demo home&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;File → Try the demo home&lt;/b&gt; opens invented children in a practice file of its own; the title bar says
DEMO. Nothing you do there reaches your records. &lt;b&gt;File → Back to my own records&lt;/b&gt; leaves it.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;El hogar de demostración&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Archivo → Probar el hogar de demostración&lt;/b&gt; abre niños inventados en un archivo de práctica propio; la barra
de título dice DEMOSTRACIÓN. Nada de lo que haga ahí llega a sus registros. &lt;b&gt;Archivo → Volver a mis
registros&lt;/b&gt; sale de él.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Looking ahead&lt;/h3&gt;
&lt;p&gt;Change the &lt;b&gt;Compliance on&lt;/b&gt; date (or press &lt;b&gt;In 30 days&lt;/b&gt;) to see who will be out of compliance then,
for example next month. &lt;b&gt;Today&lt;/b&gt; brings you back.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Mirar hacia adelante&lt;/h3&gt;
&lt;p&gt;Cambie la fecha de &lt;b&gt;Estado a la fecha&lt;/b&gt; (u oprima &lt;b&gt;En 30 días&lt;/b&gt;) para ver quién no estará al día
entonces, por ejemplo el mes que viene. &lt;b&gt;Hoy&lt;/b&gt; lo regresa.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;A child&apos;s record&lt;/h3&gt;
&lt;p&gt;Press &lt;b&gt;Ctrl+N&lt;/b&gt; for a new child, or Enter on a row to open a record. Dates are typed month first, as
certificates print them: 3/14/2025, 031425 or Mar 14 2025; the field says beside it what it read (&quot;Fri, Mar 14,
2025&quot;), and refuses what is not a date. A two-digit year means 20YY, except where the date cannot be in the future
(a birth, a dose): there it means 19YY when 20YY would be after today. Alt+Down opens a calendar.&lt;/p&gt;
&lt;p&gt;On the &lt;b&gt;Vaccines&lt;/b&gt; tab, type each line of the certificate: the date given, the vaccine or product as printed
(Pentacel, DTaP-IPV/Hib, PCV20, Hep B, MMR II …), Enter. The window shows what Enter will file; the date stays for
the next shot of the same day. For Hib the product matters (PedvaxHIB needs fewer doses). A combination vaccine
such as Pentacel is typed once and filed under every vaccine it covers. F2 on a dose corrects its date or product.
Each dose is marked &lt;b&gt;✓ counts&lt;/b&gt; or &lt;b&gt;✗ does not count&lt;/b&gt;, with the reason. Enter never saves: nothing is
saved until you press &lt;b&gt;Ctrl+S&lt;/b&gt; or &lt;b&gt;Save&lt;/b&gt;, and then the whole record is saved at once.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;El registro de un niño&lt;/h3&gt;
&lt;p&gt;Oprima &lt;b&gt;Ctrl+N&lt;/b&gt; para un niño nuevo, o Enter en una fila para abrir un registro. Las fechas se escriben
primero el mes, como vienen en los certificados de EE. UU. (mes/día/año): 3/14/2025, 031425 o Mar 14 2025; al lado
el campo dice lo que entendió (&quot;vie, 14 mar 2025&quot;), y no acepta lo que no es una fecha. Un año de dos cifras es
20AA, salvo donde la fecha no puede ser en el futuro (un nacimiento, una dosis): ahí es 19AA cuando 20AA sería
después de hoy. Alt+flecha abajo abre un calendario.&lt;/p&gt;
&lt;p&gt;En la pestaña &lt;b&gt;Vacunas&lt;/b&gt;, escriba cada renglón del certificado: la fecha en que se puso, la vacuna o el
producto como viene impreso (Pentacel, DTaP-IPV/Hib, PCV20, Hep B, MMR II …), Enter. La ventana muestra lo que Enter
va a anotar; la fecha se queda para la siguiente vacuna del mismo día. Para Hib importa el producto (PedvaxHIB
necesita menos dosis). Una vacuna combinada como Pentacel se escribe una vez y se anota en cada vacuna que cubre.
F2 en una dosis corrige su fecha o su producto. Cada dosis dice &lt;b&gt;✓ cuenta&lt;/b&gt; o &lt;b&gt;✗ no cuenta&lt;/b&gt;, con el
motivo. Enter nunca guarda: no se guarda nada hasta que oprima &lt;b&gt;Ctrl+S&lt;/b&gt; o &lt;b&gt;Guardar&lt;/b&gt;, y entonces se guarda
todo el registro de una vez.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Outbreaks&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Roster → Outbreak&lt;/b&gt; (Ctrl+Shift+O) lists the children susceptible to measles, chickenpox or whooping
cough (no valid dose for their age, too young, or exempt) with the parent&apos;s phone number.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Brotes&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Lista → Brote&lt;/b&gt; (Ctrl+Shift+O) muestra los niños que pueden contagiarse de sarampión, varicela o tos ferina
(sin una dosis válida para su edad, muy pequeños, o exentos) con el teléfono de los padres.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Records to request&lt;/h3&gt;
&lt;p&gt;Some states ask you to collect an updated record on a schedule (Minnesota: every 6 months for infants, every
year for toddlers, every 18 months for preschoolers; Washington: every year; Ohio: every 13 months; Illinois:
every 2 years).
&lt;b&gt;Roster → Records to request&lt;/b&gt; (Ctrl+Shift+R) lists the children due now or within 30 days.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Registros que pedir&lt;/h3&gt;
&lt;p&gt;Algunos estados le piden conseguir un registro actualizado cada cierto tiempo (Minnesota: cada 6 meses para los
bebés, cada año para los niños pequeños, cada 18 meses para los preescolares; Washington: cada año; Ohio: cada 13
meses; Illinois: cada 2 años).
&lt;b&gt;Lista → Registros que pedir&lt;/b&gt; (Ctrl+Shift+R) muestra los niños a los que les toca ya o dentro de 30 días.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Spreadsheets&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;File → Import roster CSV&lt;/b&gt; adds the children in a spreadsheet saved as CSV. If anything in the file is
wrong, every problem is listed with its line and column and nothing is imported. &lt;b&gt;Export roster CSV&lt;/b&gt; writes
the whole roster in the same format.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Hojas de cálculo&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Archivo → Importar lista CSV&lt;/b&gt; agrega los niños de una hoja de cálculo guardada como CSV. Si algo en el
archivo está mal, se muestra cada problema con su línea y su columna y no se importa nada. &lt;b&gt;Exportar lista
CSV&lt;/b&gt; escribe toda la lista en el mismo formato.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyboard&lt;/h3&gt;
&lt;table cellpadding=&quot;3&quot;&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+N&lt;/td&gt;&lt;td&gt;new child&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Enter / Ctrl+O&lt;/td&gt;&lt;td&gt;open the selected child&apos;s record&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+S&lt;/td&gt;&lt;td&gt;save the record (in the record window)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;search&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+D / Ctrl+T&lt;/td&gt;&lt;td&gt;choose the as-of date / back to today&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+1 / Ctrl+0&lt;/td&gt;&lt;td&gt;show children who need action / show everyone&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+I / Ctrl+E&lt;/td&gt;&lt;td&gt;import / export the roster CSV&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Z&lt;/td&gt;&lt;td&gt;undo the last save or delete&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+P&lt;/td&gt;&lt;td&gt;print (a report, the letters, a record, an outbreak list or the roster)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+B&lt;/td&gt;&lt;td&gt;back up now&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Shift+O&lt;/td&gt;&lt;td&gt;outbreak list&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;F1&lt;/td&gt;&lt;td&gt;this help&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Q&lt;/td&gt;&lt;td&gt;quit&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;Tab moves between fields; the underlined letter of a label (Alt+letter) jumps to its field.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Teclado&lt;/h3&gt;
&lt;table cellpadding=&quot;3&quot;&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+N&lt;/td&gt;&lt;td&gt;niño nuevo&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Enter / Ctrl+O&lt;/td&gt;&lt;td&gt;abrir el registro del niño seleccionado&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+S&lt;/td&gt;&lt;td&gt;guardar el registro (en la ventana del registro)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;buscar&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+D / Ctrl+T&lt;/td&gt;&lt;td&gt;elegir la fecha de consulta / volver a hoy&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+1 / Ctrl+0&lt;/td&gt;&lt;td&gt;mostrar los niños que necesitan atención / mostrar a todos&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+I / Ctrl+E&lt;/td&gt;&lt;td&gt;importar / exportar la lista CSV&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Z&lt;/td&gt;&lt;td&gt;deshacer lo último que se guardó o se eliminó&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+P&lt;/td&gt;&lt;td&gt;imprimir (un informe, las cartas, un registro, una lista de brote o la lista)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+B&lt;/td&gt;&lt;td&gt;copia de seguridad ahora&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Shift+O&lt;/td&gt;&lt;td&gt;lista de brote&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;F1&lt;/td&gt;&lt;td&gt;esta ayuda&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;Ctrl+Q&lt;/td&gt;&lt;td&gt;salir&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;Tab pasa de un campo a otro; la letra subrayada de una etiqueta (Alt+letra) salta a su campo.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;State rules&lt;/h3&gt;&lt;p&gt;Each state&apos;s law is one data file; here is what it was checked against and which values are still to verify. The sources are named as they are written, in English.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Reglas de cada estado&lt;/h3&gt;&lt;p&gt;La ley de cada estado es un archivo de datos; aquí está con qué se revisó y qué valores falta verificar. Las fuentes se nombran como están escritas, en inglés.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Checked against:</source>
        <translation>Revisado con:</translation>
    </message>
    <message>
        <source>To verify:</source>
        <translation>Por verificar:</translation>
    </message>
    <message>
        <source>Immunization records and compliance for family child care homes.

Your records are kept on this computer in:
{file}

Nothing is sent over the internet. Backups are kept in the &apos;backups&apos; folder beside it.</source>
        <translation>Registros de vacunas y cumplimiento para hogares de cuidado infantil familiar.

Sus registros se guardan en esta computadora en:
{file}

No se envía nada por internet. Las copias de seguridad se guardan en la carpeta &apos;backups&apos; junto a él.</translation>
    </message>
    <message>
        <source>immudesk help</source>
        <translation>Ayuda de immudesk</translation>
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
        <source>Some children are already on the roster. To replace their records with the file&apos;s, use File → Import CSV, replacing existing records.</source>
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
    <name>MainWindow</name>
    <message>
        <source>Reading the records of {count} children…</source>
        <translation>Leyendo los registros de {count} niños…</translation>
    </message>
    <message>
        <source>Compliance &amp;on:</source>
        <translation>Estado a la &amp;fecha:</translation>
    </message>
    <message>
        <source>The day the statuses are worked out for. Choose a later day to see who will be out of compliance then.</source>
        <translation>El día para el que se calculan los estados. Elija un día más adelante para ver quién no estará al día entonces.</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Back to today&apos;s statuses</source>
        <translation>Volver a los estados de hoy</translation>
    </message>
    <message>
        <source>In 30 &amp;days</source>
        <translation>En 30 &amp;días</translation>
    </message>
    <message>
        <source>Look ahead: the statuses 30 days from today</source>
        <translation>Ver más adelante: los estados dentro de 30 días</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>name, parent, phone or vaccine</source>
        <translation>nombre, padre o madre, teléfono o vacuna</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>All children</source>
        <translation>Todos los niños</translation>
    </message>
    <message>
        <source>Needs action (not up to date or in process)</source>
        <translation>Necesitan atención (no están al día o están en proceso)</translation>
    </message>
    <message>
        <source>May not attend today</source>
        <translation>No pueden asistir hoy</translation>
    </message>
    <message>
        <source>&amp;Withdrawn children</source>
        <translation>Niños dados de ba&amp;ja</translation>
    </message>
    <message>
        <source>Show children who have left (greyed)</source>
        <translation>Mostrar los niños que ya no vienen (en gris)</translation>
    </message>
    <message>
        <source>Icons: ✓ circle up to date · clock in process · shield exemption on file · diamond ! not up to date · octagon may not attend. Hover over a row for the reasons; Enter or double-click opens the record.</source>
        <translation>Íconos: ✓ círculo al día · reloj en proceso · escudo exención en el expediente · rombo ! no está al día · octágono no puede asistir. Ponga el ratón sobre una fila para ver los motivos; Enter o doble clic abre el registro.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo home&lt;/b&gt; — invented children in a practice file of its own. Try anything here: your own records are not in it.</source>
        <translation>&lt;b&gt;Hogar de demostración&lt;/b&gt;: niños inventados en un archivo de práctica propio. Pruebe lo que quiera aquí: sus registros no están en él.</translation>
    </message>
    <message>
        <source>Back to &amp;my own records</source>
        <translation>Volver a &amp;mis registros</translation>
    </message>
    <message>
        <source>Close the demo and open your own records</source>
        <translation>Cerrar la demostración y abrir sus propios registros</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New child…</source>
        <translation>&amp;Niño nuevo…</translation>
    </message>
    <message>
        <source>Add a child to the roster</source>
        <translation>Agregar un niño a la lista</translation>
    </message>
    <message>
        <source>&amp;Open child record</source>
        <translation>&amp;Abrir el registro del niño</translation>
    </message>
    <message>
        <source>Open the selected child&apos;s record</source>
        <translation>Abrir el registro del niño seleccionado</translation>
    </message>
    <message>
        <source>&amp;Import roster CSV…</source>
        <translation>&amp;Importar lista CSV…</translation>
    </message>
    <message>
        <source>Add the children in a roster spreadsheet (CSV)</source>
        <translation>Agregar los niños de una hoja de cálculo con la lista (CSV)</translation>
    </message>
    <message>
        <source>Import CSV, &amp;replacing existing records…</source>
        <translation>Importar CSV &amp;reemplazando los registros existentes…</translation>
    </message>
    <message>
        <source>Import a roster CSV; children already on the roster get the file&apos;s record</source>
        <translation>Importar una lista CSV; los niños que ya están en la lista reciben el registro del archivo</translation>
    </message>
    <message>
        <source>&amp;Export roster CSV…</source>
        <translation>&amp;Exportar lista CSV…</translation>
    </message>
    <message>
        <source>Save the whole roster as a spreadsheet (CSV) that imports back</source>
        <translation>Guardar toda la lista como hoja de cálculo (CSV) que se puede volver a importar</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Print the annual report, worksheets, letters or the roster</source>
        <translation>Imprimir el informe anual, las hojas de trabajo, las cartas o la lista</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Copia de seguridad ahora…</translation>
    </message>
    <message>
        <source>Save a verified copy of all records</source>
        <translation>Guardar una copia revisada de todos los registros</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>Res&amp;taurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>Replace the records with a backup copy</source>
        <translation>Reemplazar los registros con una copia de seguridad</translation>
    </message>
    <message>
        <source>Leave the demo home and open your own records</source>
        <translation>Salir del hogar de demostración y abrir sus propios registros</translation>
    </message>
    <message>
        <source>Try the &amp;demo home</source>
        <translation>Probar el &amp;hogar de demostración</translation>
    </message>
    <message>
        <source>Open the demo home, invented children in a practice file apart from your records</source>
        <translation>Abrir el hogar de demostración: niños inventados en un archivo de práctica aparte de sus registros</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close immudesk</source>
        <translation>Cerrar immudesk</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Search the roster</source>
        <translation>Buscar en la lista</translation>
    </message>
    <message>
        <source>Choose the &amp;as-of date</source>
        <translation>Elegir la &amp;fecha de consulta</translation>
    </message>
    <message>
        <source>The day the statuses are worked out for</source>
        <translation>El día para el que se calculan los estados</translation>
    </message>
    <message>
        <source>Back to &amp;today</source>
        <translation>Volver a &amp;hoy</translation>
    </message>
    <message>
        <source>Show children who &amp;need action</source>
        <translation>Mostrar los niños que necesitan &amp;atención</translation>
    </message>
    <message>
        <source>Show &amp;all children</source>
        <translation>Mostrar &amp;todos los niños</translation>
    </message>
    <message>
        <source>&amp;Outbreak: who is susceptible…</source>
        <translation>B&amp;rote: quién puede contagiarse…</translation>
    </message>
    <message>
        <source>List the children susceptible to measles, chickenpox or whooping cough, with parents&apos; phones</source>
        <translation>Mostrar los niños que pueden contagiarse de sarampión, varicela o tos ferina, con el teléfono de los padres</translation>
    </message>
    <message>
        <source>Records to &amp;request…</source>
        <translation>Registros que &amp;pedir…</translation>
    </message>
    <message>
        <source>Children whose immunization record the state asks you to have updated</source>
        <translation>Niños cuyo registro de vacunas el estado le pide tener actualizado</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Take back the last save or delete of a record</source>
        <translation>Deshacer lo último que se guardó o se eliminó de un registro</translation>
    </message>
    <message>
        <source>&amp;Withdraw child…</source>
        <translation>Dar de ba&amp;ja al niño…</translation>
    </message>
    <message>
        <source>The selected child has left: set the last day, and keep the record for the inspector</source>
        <translation>El niño seleccionado ya no viene: anote el último día y guarde el registro para el inspector</translation>
    </message>
    <message>
        <source>&amp;Delete child…</source>
        <translation>&amp;Eliminar niño…</translation>
    </message>
    <message>
        <source>Remove the selected child and all their records</source>
        <translation>Quitar al niño seleccionado y todos sus registros</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <source>&amp;Annual report…</source>
        <translation>&amp;Informe anual…</translation>
    </message>
    <message>
        <source>The state&apos;s annual immunization report</source>
        <translation>El informe anual de vacunas para el estado</translation>
    </message>
    <message>
        <source>Age &amp;worksheets…</source>
        <translation>&amp;Hojas de trabajo por edad…</translation>
    </message>
    <message>
        <source>The age worksheets the state asks you to keep with your records</source>
        <translation>Las hojas de trabajo por edad que el estado le pide guardar con sus registros</translation>
    </message>
    <message>
        <source>Selected child&apos;s &amp;record…</source>
        <translation>&amp;Registro del niño seleccionado…</translation>
    </message>
    <message>
        <source>The selected child&apos;s immunization record, to print</source>
        <translation>El registro de vacunas del niño seleccionado, para imprimir</translation>
    </message>
    <message>
        <source>Parent &amp;letters…</source>
        <translation>&amp;Cartas a los padres…</translation>
    </message>
    <message>
        <source>Notification of non-compliance or exclusion, English or Spanish</source>
        <translation>Aviso de incumplimiento o de exclusión, en inglés o en español</translation>
    </message>
    <message>
        <source>&amp;Email to the state…</source>
        <translation>Correo &amp;electrónico al estado…</translation>
    </message>
    <message>
        <source>Prepare an email with aggregate counts only</source>
        <translation>Preparar un correo electrónico solo con los totales</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save a report, the letters, a record, an outbreak list or the roster as a PDF file</source>
        <translation>Guardar un informe, las cartas, un registro, una lista de brote o la lista como archivo PDF</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>&amp;Facility…</source>
        <translation>&amp;Datos del hogar…</translation>
    </message>
    <message>
        <source>The state, the facility&apos;s name and the report&apos;s fields</source>
        <translation>El estado, el nombre del hogar y los datos del informe</translation>
    </message>
    <message>
        <source>App &amp;lock…</source>
        <translation>&amp;Bloqueo de la aplicación…</translation>
    </message>
    <message>
        <source>Cover the records when immudesk is left idle, and the PIN that uncovers them</source>
        <translation>Tapar los registros cuando nadie usa immudesk, y el PIN que los destapa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>immudesk &amp;help</source>
        <translation>&amp;Ayuda de immudesk</translation>
    </message>
    <message>
        <source>&amp;About immudesk</source>
        <translation>Acerca &amp;de immudesk</translation>
    </message>
    <message>
        <source>Working out the statuses of {count} children on {date}…</source>
        <translation>Calculando los estados de {count} niños al {date}…</translation>
    </message>
    <message>
        <source>No children on the roster yet.

Press Ctrl+N to add a child, or File → Import roster CSV to bring in a spreadsheet.</source>
        <translation>Todavía no hay niños en la lista.

Oprima Ctrl+N para agregar un niño, o Archivo → Importar lista CSV para traer una hoja de cálculo.</translation>
    </message>
    <message>
        <source>No child matches the search or the status chosen.

Press Ctrl+0 to show everyone.</source>
        <translation>Ningún niño coincide con la búsqueda o el estado elegido.

Oprima Ctrl+0 para mostrar a todos.</translation>
    </message>
    <message numerus="yes">
        <source>Looking ahead: statuses on {date}, %n day(s) from today, counting only the doses on record now. Press Ctrl+T for today.</source>
        <translation>
            <numerusform>Mirando hacia adelante: estados al {date}, dentro de %n día, contando solo las dosis que ya están en el registro. Oprima Ctrl+T para volver a hoy.</numerusform>
            <numerusform>Mirando hacia adelante: estados al {date}, dentro de %n días, contando solo las dosis que ya están en el registro. Oprima Ctrl+T para volver a hoy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking back: statuses on {date}, %n day(s) ago, from the records as they are now. Press Ctrl+T for today.</source>
        <translation>
            <numerusform>Mirando hacia atrás: estados al {date}, hace %n día, con los registros como están ahora. Oprima Ctrl+T para volver a hoy.</numerusform>
            <numerusform>Mirando hacia atrás: estados al {date}, hace %n días, con los registros como están ahora. Oprima Ctrl+T para volver a hoy.</numerusform>
        </translation>
    </message>
    <message>
        <source>(facility not set up)</source>
        <translation>(hogar sin preparar)</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>al {date}</translation>
    </message>
    <message>
        <source>DEMO (practice file, invented children)</source>
        <translation>DEMOSTRACIÓN (archivo de práctica, niños inventados)</translation>
    </message>
    <message>
        <source>Facility not set up</source>
        <translation>Hogar sin preparar</translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren) enrolled</source>
        <translation>
            <numerusform>%n niño inscrito</numerusform>
            <numerusform>%n niños inscritos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n withdrawn</source>
        <translation>
            <numerusform>%n dado de baja</numerusform>
            <numerusform>%n dados de baja</numerusform>
        </translation>
    </message>
    <message>
        <source>records in {file}</source>
        <translation>registros en {file}</translation>
    </message>
    <message>
        <source>Delete child</source>
        <translation>Eliminar niño</translation>
    </message>
    <message>
        <source>Delete {name} and all of their records? Ctrl+Z brings them back until you close immudesk.

If the child has left, use Roster → Withdraw child instead: the record stays for the inspector.</source>
        <translation>¿Eliminar a {name} y todos sus registros? Ctrl+Z los recupera hasta que cierre immudesk.

Si el niño ya no viene, use mejor Lista → Dar de baja al niño: el registro se queda para el inspector.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Deshacer {what}</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>No hay nada que deshacer.</translation>
    </message>
    <message>
        <source>Undone: {what}.</source>
        <translation>Deshecho: {what}.</translation>
    </message>
    <message>
        <source>Select the child who has left first.</source>
        <translation>Primero seleccione al niño que ya no viene.</translation>
    </message>
    <message>
        <source>{name} withdrawn on {date}. Ctrl+Z takes it back.</source>
        <translation>{name} dado de baja el {date}. Ctrl+Z lo deshace.</translation>
    </message>
    <message>
        <source>Import roster CSV</source>
        <translation>Importar lista CSV</translation>
    </message>
    <message>
        <source>Roster spreadsheets (*.csv);;All files (*)</source>
        <translation>Hojas de cálculo con la lista (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n child(ren)</source>
        <translation>
            <numerusform>Se importó %n niño</numerusform>
            <numerusform>Se importaron %n niños</numerusform>
        </translation>
    </message>
    <message>
        <source>and replaced the records of {count}</source>
        <translation>y se reemplazaron los registros de {count}</translation>
    </message>
    <message>
        <source>from {file}.</source>
        <translation>de {file}.</translation>
    </message>
    <message>
        <source>Export roster CSV</source>
        <translation>Exportar lista CSV</translation>
    </message>
    <message>
        <source>Roster spreadsheets (*.csv)</source>
        <translation>Hojas de cálculo con la lista (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} children to {file}. The file holds health records: keep it private.</source>
        <translation>Se exportaron {count} niños a {file}. El archivo contiene registros de salud: guárdelo en privado.</translation>
    </message>
    <message>
        <source>About immudesk</source>
        <translation>Acerca de immudesk</translation>
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
    <message>
        <source>Child</source>
        <translation>Niño</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Why susceptible</source>
        <translation>Por qué puede contagiarse</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Padre o madre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Outbreak: susceptible children</source>
        <translation>Brote: niños que pueden contagiarse</translation>
    </message>
    <message>
        <source>&amp;Disease:</source>
        <translation>&amp;Enfermedad:</translation>
    </message>
    <message>
        <source>&amp;Copy list</source>
        <translation>&amp;Copiar la lista</translation>
    </message>
    <message>
        <source>Copy names, reasons and phone numbers, to paste into an email or a document</source>
        <translation>Copiar los nombres, los motivos y los teléfonos, para pegarlos en un correo o un documento</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Preview and print this list (a PDF from the reports)</source>
        <translation>Ver e imprimir esta lista (un PDF de los informes)</translation>
    </message>
    <message>
        <source>The health department decides who stays home; this list is who it will ask about. It holds health information: share it only with public health.</source>
        <translation>El departamento de salud decide quién se queda en casa; esta lista es de quiénes le va a preguntar. Contiene información de salud: compártala solo con salud pública.</translation>
    </message>
    <message numerus="yes">
        <source>%n child(ren) susceptible to {disease} on {date}, out of {attending} attending.</source>
        <translation>
            <numerusform>%n niño puede contagiarse de {disease} al {date}, de {attending} que asisten.</numerusform>
            <numerusform>%n niños pueden contagiarse de {disease} al {date}, de {attending} que asisten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutsideChanges</name>
    <message>
        <source>The record changed meanwhile</source>
        <translation>El registro cambió mientras tanto</translation>
    </message>
    <message>
        <source>{name}&apos;s record was changed by another program (an import or another window) after you opened it.

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
        <source>{name}&apos;s record is no longer in the records: a restore or another window removed it after you opened it.

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
        <source>{state}&apos;s rules in immudesk set no schedule for asking parents for updated records; keep each record current as doses come due.</source>
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
    <name>Reports</name>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Guardar una copia…</translation>
    </message>
    <message>
        <source>Pre&amp;vious page</source>
        <translation>Página an&amp;terior</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Página &amp;siguiente</translation>
    </message>
    <message>
        <source>Smaller (Ctrl+minus)</source>
        <translation>Más pequeño (Ctrl+menos)</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>&amp;Ajustar al ancho</translation>
    </message>
    <message>
        <source>The page as wide as the window (Ctrl+0)</source>
        <translation>La página tan ancha como la ventana (Ctrl+0)</translation>
    </message>
    <message>
        <source>Larger (Ctrl+plus)</source>
        <translation>Más grande (Ctrl+más)</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Página {page} de {count}</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No se guardó</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>No se puede escribir {file}: {reason}</translation>
    </message>
    <message>
        <source>Annual immunization report</source>
        <translation>Informe anual de vacunas</translation>
    </message>
    <message>
        <source>Page 1 is the state&apos;s form; page 2 lists the answers in the order the online form asks for them: type them into the state&apos;s online form, which is the filing. Reports → Email to the state prepares a draft with these counts for a question to the state; it is not the filing.</source>
        <translation>La página 1 es el formulario del estado; la página 2 da las respuestas en el orden en que las pide el formulario en línea: escríbalas en el formulario en línea del estado, que es la entrega. Informes → Correo electrónico al estado prepara un borrador con estos totales para una consulta al estado; no es la entrega.</translation>
    </message>
    <message>
        <source>Age worksheets</source>
        <translation>Hojas de trabajo por edad</translation>
    </message>
    <message>
        <source>Keep the worksheets with your records: they name children and are not sent.</source>
        <translation>Guarde las hojas de trabajo con sus registros: nombran a los niños y no se envían.</translation>
    </message>
    <message>
        <source>Every child who needs one</source>
        <translation>Cada niño que necesita una</translation>
    </message>
    <message>
        <source>The selected child only</source>
        <translation>Solo el niño seleccionado</translation>
    </message>
    <message>
        <source>Parent letters</source>
        <translation>Cartas a los padres</translation>
    </message>
    <message>
        <source>Print letters for:</source>
        <translation>Imprimir cartas para:</translation>
    </message>
    <message>
        <source>One letter per page, in each child&apos;s language. Sign each letter before giving it.</source>
        <translation>Una carta por página, en el idioma de cada niño. Firme cada carta antes de entregarla.</translation>
    </message>
    <message>
        <source>Immunization record</source>
        <translation>Registro de vacunas</translation>
    </message>
    <message>
        <source>Select a child in the roster first.</source>
        <translation>Primero seleccione un niño en la lista.</translation>
    </message>
    <message>
        <source>Outbreak list</source>
        <translation>Lista de brote</translation>
    </message>
    <message>
        <source>Disease:</source>
        <translation>Enfermedad:</translation>
    </message>
    <message>
        <source>Children susceptible to {disease}</source>
        <translation>Niños que pueden contagiarse de {disease}</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>The roster as shown in the window: the same search, status filter and order.</source>
        <translation>La lista como se ve en la ventana: la misma búsqueda, el mismo filtro de estado y el mismo orden.</translation>
    </message>
    <message>
        <source>The roster, as shown</source>
        <translation>La lista, como se ve</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>Informe anual</translation>
    </message>
    <message>
        <source>Age worksheets (North Carolina)</source>
        <translation>Hojas de trabajo por edad (Carolina del Norte)</translation>
    </message>
    <message>
        <source>Selected child&apos;s immunization record</source>
        <translation>Registro de vacunas del niño seleccionado</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Documento:</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Saved {file}. It names children: keep it private.</source>
        <translation>Se guardó {file}. Nombra a los niños: guárdelo en privado.</translation>
    </message>
    <message>
        <source>Where should the report and the e-mail draft go?</source>
        <translation>¿Dónde se guardan el informe y el borrador del correo?</translation>
    </message>
    <message>
        <source>Email to the state</source>
        <translation>Correo electrónico al estado</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: {reason}</source>
        <translation>No se puede escribir en {folder}: {reason}</translation>
    </message>
    <message>
        <source>addressed to {address}</source>
        <translation>dirigido a {address}</translation>
    </message>
    <message>
        <source>with no address yet (add the address)</source>
        <translation>todavía sin dirección (agregue la dirección)</translation>
    </message>
    <message>
        <source>The report, its counts and an e-mail draft {addressee} are in
{folder}

They carry counts only: no child&apos;s name or birth date. Open the draft, check it and send it from your mail program.</source>
        <translation>El informe, sus totales y un borrador de correo {addressee} están en
{folder}

Solo llevan totales: ningún nombre ni fecha de nacimiento de niños. Abra el borrador, revíselo y envíelo desde su programa de correo.</translation>
    </message>
    <message>
        <source>Open the draft</source>
        <translation>Abrir el borrador</translation>
    </message>
    <message>
        <source>Show the folder</source>
        <translation>Mostrar la carpeta</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Child</source>
        <translation>Niño</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Next dose due</source>
        <translation>Próxima dosis</translation>
    </message>
    <message>
        <source>Missing vaccines</source>
        <translation>Vacunas que faltan</translation>
    </message>
    <message>
        <source>Parent&apos;s phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>The child&apos;s name (last name sorts)</source>
        <translation>El nombre del niño (se ordena por apellido)</translation>
    </message>
    <message>
        <source>Age on the as-of date</source>
        <translation>La edad en la fecha de consulta</translation>
    </message>
    <message>
        <source>Compliance with the state&apos;s child care immunization law on the as-of date</source>
        <translation>Cumplimiento de la ley de vacunas del estado para el cuidado infantil en la fecha de consulta</translation>
    </message>
    <message>
        <source>Days left in the grace period, when a requirement starts, or since when the child may not attend</source>
        <translation>Los días que quedan del plazo de gracia, cuándo empieza un requisito, o desde cuándo el niño no puede asistir</translation>
    </message>
    <message>
        <source>The earliest date a further dose is due</source>
        <translation>La fecha más próxima en que toca otra dosis</translation>
    </message>
    <message>
        <source>Vaccine groups whose required doses are not all on record</source>
        <translation>Las vacunas a las que les faltan dosis exigidas en el registro</translation>
    </message>
    <message>
        <source>Parent&apos;s phone number</source>
        <translation>El teléfono de los padres</translation>
    </message>
    <message>
        <source>No notes from the rules.</source>
        <translation>Las reglas no tienen notas.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
<context>
    <name>RosterPrint</name>
    <message>
        <source>{name} ({state}) — statuses on {date}</source>
        <translation>{name} ({state}): estados al {date}</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>{shown} of {total} children</source>
        <translation>{shown} de {total} niños</translation>
    </message>
    <message>
        <source>{total} children</source>
        <translation>{total} niños</translation>
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
<context>
    <name>Status</name>
    <message>
        <source>Not up to date</source>
        <translation>No está al día</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>Medical exemption</source>
        <translation>Exención médica</translation>
    </message>
    <message>
        <source>Medical exempt.</source>
        <translation>Exención méd.</translation>
    </message>
    <message>
        <source>Religious exemption</source>
        <translation>Exención religiosa</translation>
    </message>
    <message>
        <source>Religious exempt.</source>
        <translation>Exención rel.</translation>
    </message>
    <message>
        <source>Conscientious exemption</source>
        <translation>Exención por convicciones personales</translation>
    </message>
    <message>
        <source>Conscientious exempt.</source>
        <translation>Exención conv.</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>May not attend</source>
        <translation>No puede asistir</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>{state} {year} report</source>
        <translation>Informe {year} de {state}</translation>
    </message>
    <message>
        <source>(due {date})</source>
        <translation>(vence el {date})</translation>
    </message>
    <message>
        <source>{count} counted</source>
        <translation>{count} contados</translation>
    </message>
    <message>
        <source>Counted for the {state} report: {count}</source>
        <translation>Contados para el informe de {state}: {count}</translation>
    </message>
    <message>
        <source>Children the state&apos;s annual report counts on this date; each is in exactly one status, so the statuses add up to the number counted.</source>
        <translation>Los niños que cuenta el informe anual del estado en esta fecha; cada uno está en un solo estado, así que los estados suman el total contado.</translation>
    </message>
    <message>
        <source>check with the state</source>
        <translation>consúltelo con el estado</translation>
    </message>
    <message>
        <source>The report dates are projected: {note}.</source>
        <translation>Las fechas del informe son una proyección: {note}.</translation>
    </message>
    <message>
        <source>Children whose grace period is over (counted above as not up to date): they may not attend until the record is brought up to date. Click to show only them.</source>
        <translation>Niños cuyo plazo de gracia ya terminó (contados arriba como no al día): no pueden asistir hasta que el registro esté al día. Haga clic para mostrar solo a ellos.</translation>
    </message>
    <message>
        <source>Show only children with the status {status}</source>
        <translation>Mostrar solo los niños con el estado {status}</translation>
    </message>
</context>
<context>
    <name>Withdraw</name>
    <message>
        <source>Withdraw {name}</source>
        <translation>Dar de baja a {name}</translation>
    </message>
    <message>
        <source>{name} has left your care. Their record stays on the roster, greyed, for the inspector; they are no longer counted or sent letters from the day after the last day.</source>
        <translation>{name} ya no está a su cuidado. Su registro se queda en la lista, en gris, para el inspector; desde el día después del último día ya no se cuenta ni recibe cartas.</translation>
    </message>
    <message>
        <source>&amp;Last day of attendance:</source>
        <translation>Úl&amp;timo día de asistencia:</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Dar de &amp;baja</translation>
    </message>
    <message>
        <source>Type the last day of attendance.</source>
        <translation>Escriba el último día de asistencia.</translation>
    </message>
    <message>
        <source>The last day cannot be before the first day of attendance ({date}).</source>
        <translation>El último día no puede ser antes del primer día de asistencia ({date}).</translation>
    </message>
    <message>
        <source>Note: {date} is still to come; the child counts as enrolled until then.</source>
        <translation>Nota: el {date} todavía no llega; el niño cuenta como inscrito hasta entonces.</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Regular (at least weekly, more than 4 hours)</source>
        <translation>Regular (al menos cada semana, más de 4 horas)</translation>
    </message>
    <message>
        <source>Occasional (not on a regular basis)</source>
        <translation>Ocasional (no de manera regular)</translation>
    </message>
    <message>
        <source>Before/after school only</source>
        <translation>Solo antes o después de la escuela</translation>
    </message>
    <message>
        <source>In elementary school full time</source>
        <translation>En la escuela primaria tiempo completo</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish (español)</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>not born yet</source>
        <translation>todavía no ha nacido</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n semana</numerusform>
            <numerusform>%n semanas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n yr</source>
        <translation>
            <numerusform>%n año</numerusform>
            <numerusform>%n años</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mo</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message>
        <source>withdrawn {date}</source>
        <translation>de baja el {date}</translation>
    </message>
    <message>
        <source>excluded since {date}</source>
        <translation>excluido desde el {date}</translation>
    </message>
    <message>
        <source>may not attend</source>
        <translation>no puede asistir</translation>
    </message>
    <message>
        <source>last day today</source>
        <translation>hoy es el último día</translation>
    </message>
    <message>
        <source>(to {date})</source>
        <translation>(hasta el {date})</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>queda %n día</numerusform>
            <numerusform>quedan %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>due tomorrow</source>
        <translation>toca mañana</translation>
    </message>
    <message>
        <source>due in {days} days</source>
        <translation>toca en {days} días</translation>
    </message>
    <message>
        <source>overdue since {date}</source>
        <translation>atrasada desde el {date}</translation>
    </message>
    <message>
        <source>exempt: {vaccines}</source>
        <translation>exento: {vaccines}</translation>
    </message>
    <message>
        <source>{name}, born {date} ({age})</source>
        <translation>{name}, nacido el {date} ({age})</translation>
    </message>
</context>
</TS>
